import "server-only";
import type { Prisma } from "../db/client";

type Tx = Prisma.TransactionClient;

export async function recordAudit(
  tx: Tx,
  event: {
    countyId: string | null;
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await tx.auditEvent.create({ data: event });
}
