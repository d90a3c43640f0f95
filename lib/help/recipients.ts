import "server-only";
import type { Prisma } from "../db/client";

type Tx = Prisma.TransactionClient;

// Who hears of inter-municipal help: the active clerks of the municipalities involved and the
// county's coordinators. Always within the county the request belongs to.

export async function clerksOf(tx: Tx, countyId: string, municipalityIds: string[]): Promise<string[]> {
  if (municipalityIds.length === 0) return [];
  const users = await tx.user.findMany({
    where: { countyId, role: "CLERK", active: true, municipalityId: { in: municipalityIds } },
    select: { email: true },
  });
  return users.map((user) => user.email);
}

export async function coordinatorsOf(tx: Tx, countyId: string): Promise<string[]> {
  const users = await tx.user.findMany({ where: { countyId, role: "COORDINATOR", active: true }, select: { email: true } });
  return users.map((user) => user.email);
}

/** Each address once. The acting user is mailed too, if involved: the mail is everyone's record. */
export function uniqueRecipients(addresses: string[]): string[] {
  return [...new Set(addresses)];
}
