import "server-only";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import type { BoardFailure } from "./board-request";
import { tokenSchema } from "./schema";
import { hashOfferToken } from "./tokens";

// A seeker's feedback on an offer they wrote to, through the link in their confirmation mail:
// "Keine Antwort erhalten" or "Wohnung schon vergeben", once per contact. Reading the page
// (feedbackByToken) changes nothing; only the POST (giveFeedback) records. The marks feed the
// stale check (lib/offers/stale.ts); the offerer never learns who gave them.

export const FEEDBACK_KINDS = ["NO_ANSWER", "TAKEN"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return (FEEDBACK_KINDS as readonly unknown[]).includes(value);
}

/** The contact a feedback link opens (no sender data), or null for an unknown or malformed token. */
export async function feedbackByToken(token: unknown) {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const contact = await db().offerContact.findUnique({
    where: { feedbackTokenHash: hashOfferToken(parsed.data) },
    select: {
      id: true,
      feedback: true,
      feedbackAt: true,
      offer: {
        select: {
          id: true,
          countyId: true,
          type: true,
          persons: true,
          postalCode: true,
          personalDataErasedAt: true,
          municipality: { select: { name: true } },
        },
      },
    },
  });
  // Erasing the offer's personal data also drops the token; this covers the instant between.
  if (!contact || contact.offer.personalDataErasedAt) return null;
  return contact;
}

export type FeedbackResult = { ok: true; recorded: boolean; feedback: FeedbackKind } | BoardFailure;

/**
 * Records the feedback if the contact has none yet. `recorded: false` means one was already
 * there (a second click, another tab): it is kept as it was.
 */
export async function giveFeedback(token: unknown, kind: unknown, options: { now?: Date } = {}): Promise<FeedbackResult> {
  const now = options.now ?? new Date();
  if (!isFeedbackKind(kind)) return { ok: false, code: "VALIDATION", fieldErrors: { feedback: [{ code: "invalid" }] } };
  const contact = await feedbackByToken(token);
  if (!contact) return { ok: false, code: "LINK_INVALID" };
  return db().$transaction(async (tx) => {
    // Conditional on "none yet": of two simultaneous clicks, one records.
    const { count } = await tx.offerContact.updateMany({
      where: { id: contact.id, feedback: null },
      data: { feedback: kind, feedbackAt: now },
    });
    if (!count) {
      const current = await tx.offerContact.findUniqueOrThrow({ where: { id: contact.id }, select: { feedback: true } });
      return { ok: true as const, recorded: false, feedback: current.feedback ?? kind };
    }
    await recordAudit(tx, {
      countyId: contact.offer.countyId,
      actorId: null,
      action: "offer.feedback",
      subjectType: "HousingOffer",
      subjectId: contact.offer.id,
      after: { feedback: kind },
    });
    return { ok: true as const, recorded: true, feedback: kind };
  });
}
