import { offerState, type OfferTimes } from "./lifecycle";

// Stale offers as plain functions of the row, its seekers' feedback and the time: the hourly job,
// the manage page and the staff list all ask these. A round: seekers mark an offer (or the
// offerer stays silent), the offerer is asked once whether it is still current, and an
// unanswered check hides the offer until the offerer says "Ja, noch aktuell".

/** Marks (feedback of different contacts since the offerer last kept the offer) that start a check. */
export const STALE_MARKS = 2;
/** Days without confirmation, extension or keep after which the offerer is asked. */
export const STALE_QUIET_DAYS = 10;
/** Days the offerer has to answer the check before the offer is hidden. */
export const STALE_ANSWER_DAYS = 3;

const DAY = 86_400_000;

export interface StaleTimes extends OfferTimes {
  confirmedAt: Date | null;
  /** Set by "Ja, noch aktuell" and by the offerer's extension. */
  keptAt: Date | null;
  staleCheckSentAt: Date | null;
  staleHiddenAt: Date | null;
  isDemo: boolean;
}

export interface Feedback {
  feedback: "NO_ANSWER" | "TAKEN" | null;
  feedbackAt: Date | null;
}

export type CheckReason = "marks" | "quiet";

/** One per contact (the database allows one feedback per contact); earlier ones were answered by a keep. */
export function countMarks(feedback: readonly Feedback[], keptAt: Date | null): number {
  return feedback.filter((entry) => entry.feedback !== null && entry.feedbackAt !== null && (!keptAt || entry.feedbackAt > keptAt)).length;
}

/** The offerer's last sign of life: confirmation, or the latest keep or extension. */
export function lastOffererAction(offer: Pick<StaleTimes, "confirmedAt" | "keptAt" | "createdAt">): Date {
  const times = [offer.confirmedAt, offer.keptAt].filter((time): time is Date => time !== null);
  return times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : offer.createdAt;
}

/** Offers whose offerer last acted at or before this instant are due for the quiet check. */
export function quietCutoff(now: Date): Date {
  return new Date(now.getTime() - STALE_QUIET_DAYS * DAY);
}

/** Checks sent at or before this instant and still unanswered hide their offer. */
export function answerCutoff(now: Date): Date {
  return new Date(now.getTime() - STALE_ANSWER_DAYS * DAY);
}

/**
 * Why the offerer is to be asked now, or null. Only listed offers, one check per round, never
 * demo offers (their offerers are invented; the demo board would empty itself). Nor offers that
 * end within STALE_ANSWER_DAYS anyway: they would end before being hidden, and the reminder a
 * day before expiry asks the same ("still free? extend it").
 */
export function staleCheckReason(offer: StaleTimes, marks: number, now: Date): CheckReason | null {
  if (offer.isDemo || offer.staleCheckSentAt || offer.staleHiddenAt || offerState(offer, now) !== "published") return null;
  if (offer.expiresAt!.getTime() <= now.getTime() + STALE_ANSWER_DAYS * DAY) return null;
  if (marks >= STALE_MARKS) return "marks";
  if (lastOffererAction(offer) <= quietCutoff(now)) return "quiet";
  return null;
}

/** True once a check has gone unanswered for STALE_ANSWER_DAYS on an offer that is still listed. */
export function staleHideDue(offer: StaleTimes, now: Date): boolean {
  if (offer.isDemo || !offer.staleCheckSentAt || offer.staleHiddenAt || offerState(offer, now) !== "published") return false;
  return offer.staleCheckSentAt <= answerCutoff(now);
}

/** What moderators see of the round. */
export interface StaleView {
  /** Marks counting towards the next check (since the last keep). */
  marks: number;
  /** All feedback ever given, by kind. */
  noAnswer: number;
  taken: number;
  checkSentAt: Date | null;
  hiddenAt: Date | null;
  keptAt: Date | null;
}

export function staleView(
  offer: Pick<StaleTimes, "keptAt" | "staleCheckSentAt" | "staleHiddenAt">,
  feedback: readonly Feedback[],
): StaleView {
  return {
    marks: countMarks(feedback, offer.keptAt),
    noAnswer: feedback.filter((entry) => entry.feedback === "NO_ANSWER").length,
    taken: feedback.filter((entry) => entry.feedback === "TAKEN").length,
    checkSentAt: offer.staleCheckSentAt,
    hiddenAt: offer.staleHiddenAt,
    keptAt: offer.keptAt,
  };
}

/**
 * What "Ja, noch aktuell", an extension by the offerer, and an extension by staff (who spoke with
 * the offerer, with a reason on record) all write: a new round of the check, and a hidden offer
 * listed again.
 */
export const keptOfferData = (now: Date) => ({ keptAt: now, staleCheckSentAt: null, staleHiddenAt: null });
