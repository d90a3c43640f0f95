import "server-only";
import type { Prisma } from "../db/client";
import { env } from "../env";
import { queueMailInTransaction } from "../jobs";
import { logger } from "../log";
import { queueOfferMails } from "./mail-queue";
import type { OfferMailKind } from "./mails";
import type { FieldErrors } from "./schema";

// What the board's citizen-facing services share (lib/offers/service.ts, contact.ts, feedback.ts):
// typed failures, the request context, the honeypot, and mail queued in the changing transaction.

export type BoardFailure =
  | { ok: false; code: "VALIDATION"; fieldErrors: FieldErrors }
  | { ok: false; code: "RATE_LIMITED"; retryAfterSeconds: number }
  | { ok: false; code: "TOO_MANY_OPEN"; max: number }
  | { ok: false; code: "LINK_INVALID" }
  | { ok: false; code: "OFFER_ENDED" };

export interface RequestContext {
  clientAddress: string;
  now?: Date;
}

export const HOUR = 3600;
export const DAY = 24 * HOUR;

export const offerWithPlace = { municipality: { select: { name: true, mailboxEmail: true } } } as const;
export type OfferWithPlace = Prisma.HousingOfferGetPayload<{ include: typeof offerWithPlace }>;

/** Queues the mail (and the municipality's copy) in the transaction that made the change. */
export function mailAbout(tx: Prisma.TransactionClient, offer: OfferWithPlace, mail: OfferMailKind): Promise<void> {
  return queueOfferMails(queueMailInTransaction, tx, offer, mail, env().APP_URL);
}

export function rateLimited(retryAfterSeconds: number): BoardFailure {
  return { ok: false, code: "RATE_LIMITED", retryAfterSeconds };
}

/** The honeypot was filled in: answer as if all went well, store and send nothing (counted in the log). */
export function isBot(raw: Record<string, unknown>): boolean {
  const filled = typeof raw.website === "string" && raw.website.trim() !== "";
  if (filled) logger.info("board: honeypot filled in, request answered and dropped");
  return filled;
}
