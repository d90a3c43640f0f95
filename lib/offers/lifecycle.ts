import { CONFIRM_HOURS, EXTEND_DAYS } from "./schema";

// The life of an offer as plain functions of its row and the time: the public list, the manage
// page, the staff list and the daily job all ask these, so they can never disagree.

export type OfferState = "pending" | "published" | "expired" | "placed" | "deleted";

export interface OfferTimes {
  status: "PENDING" | "PUBLISHED" | "PLACED" | "DELETED";
  createdAt: Date;
  expiresAt: Date | null;
  endedAt: Date | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function offerState(offer: OfferTimes, now: Date): OfferState {
  switch (offer.status) {
    case "PENDING":
      return "pending";
    case "PUBLISHED":
      return offer.expiresAt && offer.expiresAt > now ? "published" : "expired";
    case "PLACED":
      return "placed";
    case "DELETED":
      return "deleted";
  }
}

/**
 * Seekers see only published offers that have not expired and are not hidden by an unanswered
 * stale check (lib/offers/stale.ts). The hidden time is required, so no caller forgets to read it.
 */
export const isListed = (offer: OfferTimes & { staleHiddenAt: Date | null }, now: Date) =>
  offerState(offer, now) === "published" && offer.staleHiddenAt === null;

/** The Prisma condition for the same rule, so the list query itself drops ended offers at once. */
export function listedWhere(now: Date) {
  return { status: "PUBLISHED" as const, expiresAt: { gt: now }, staleHiddenAt: null };
}

/** Expiry set when the offerer confirms: the chosen number of days from then. */
export function expiryOnConfirm(confirmedAt: Date, durationDays: number): Date {
  return new Date(confirmedAt.getTime() + durationDays * DAY);
}

/** Extending adds 7 days to the current expiry, or to now if it has already passed. */
export function expiryOnExtend(expiresAt: Date, now: Date): Date {
  return new Date(Math.max(expiresAt.getTime(), now.getTime()) + EXTEND_DAYS * DAY);
}

/** Offers may be extended while published, and after expiry until they are erased. */
export function canExtend(state: OfferState): boolean {
  return state === "published" || state === "expired";
}

/** Unconfirmed offers created before this instant are deleted. */
export function unconfirmedCutoff(now: Date): Date {
  return new Date(now.getTime() - CONFIRM_HOURS * HOUR);
}

/** The reminder goes out once the offer is due to expire within a day. */
export function reminderWindowEnd(now: Date): Date {
  return new Date(now.getTime() + DAY);
}

/** When an offer ended: its end, or its expiry for expired ones; null while it runs. */
export function endedOn(offer: OfferTimes, now: Date): Date | null {
  const state = offerState(offer, now);
  if (state === "placed" || state === "deleted") return offer.endedAt;
  if (state === "expired") return offer.expiresAt;
  return null;
}

/** Personal data of offers that ended before this instant is erased. */
export function erasureCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY);
}
