import "server-only";
import type { Actor } from "../auth/actor";
import { type Prisma } from "../db/client";
import { env } from "../env";
import { AppError, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { idSchema } from "../validation";
import type { HelpMailContext } from "./mails";
import { uniqueRecipients } from "./recipients";

type Tx = Prisma.TransactionClient;

// Shared by the steps of inter-municipal help (requests.ts, offers.ts).

export const invalid = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(issues));

export function requestLink(requestId: string): string {
  return new URL(`/amtshilfe/${encodeURIComponent(requestId)}`, env().APP_URL).toString();
}

/** An id from a form: only a well-formed one is looked up. */
export function parseId(value: unknown, what: string): string {
  const id = idSchema.safeParse(value);
  if (!id.success) throw notFound(`${what} wurde nicht gefunden.`);
  return id.data;
}

export interface LockedRequest {
  id: string;
  countyId: string;
  municipalityId: string;
  municipalityName: string;
  addressedToId: string | null;
  persons: number;
  status: "OPEN" | "PARTLY_COVERED" | "COVERED" | "WITHDRAWN";
}

/**
 * The request, locked for this transaction: steps that change its coverage (accepting an offer,
 * withdrawing) run one at a time per request, so two coordinators accepting at once cannot both
 * see it uncovered. Only a request of the actor's county is found.
 */
export async function lockRequest(tx: Tx, actor: Actor, requestId: string): Promise<LockedRequest> {
  const rows = await tx.$queryRaw<LockedRequest[]>`
    SELECT r.id, r.county_id AS "countyId", r.municipality_id AS "municipalityId", m.name AS "municipalityName",
           r.addressed_to_id AS "addressedToId", r.persons, r.status::text AS status
    FROM help_request r JOIN municipality m ON m.id = r.municipality_id
    WHERE r.id = ${requestId} AND r.county_id = ${actor.countyId}
    FOR UPDATE OF r`;
  const request = rows[0];
  if (!request) throw notFound("Diese Anfrage wurde nicht gefunden.");
  return request;
}

export function mailContext(request: LockedRequest, to: string[]): HelpMailContext {
  return {
    to: uniqueRecipients(to),
    countyId: request.countyId,
    requestLink: requestLink(request.id),
    requester: request.municipalityName,
    persons: request.persons,
  };
}
