import { describe, expect, it } from "vitest";
import { isListed, listedWhere } from "../../lib/offers/lifecycle";
import {
  countMarks,
  lastOffererAction,
  STALE_ANSWER_DAYS,
  STALE_MARKS,
  STALE_QUIET_DAYS,
  staleCheckReason,
  staleHideDue,
  staleView,
  type Feedback,
  type StaleTimes,
} from "../../lib/offers/stale";

// The stale-offer rules with a controlled clock: exactly at the thresholds, and a millisecond before.

const DAY = 86_400_000;
const confirmed = new Date("2026-11-01T12:00:00Z");
const at = (days: number, ms = 0) => new Date(confirmed.getTime() + days * DAY + ms);

function offer(overrides: Partial<StaleTimes> = {}): StaleTimes {
  return {
    status: "PUBLISHED",
    createdAt: new Date(confirmed.getTime() - 3_600_000),
    confirmedAt: confirmed,
    expiresAt: at(30),
    endedAt: null,
    keptAt: null,
    staleCheckSentAt: null,
    staleHiddenAt: null,
    isDemo: false,
    ...overrides,
  };
}

const mark = (time: Date, feedback: Feedback["feedback"] = "NO_ANSWER"): Feedback => ({ feedback, feedbackAt: time });

describe("the thresholds", () => {
  it("are 2 marks, 10 quiet days and 3 days to answer", () => {
    expect([STALE_MARKS, STALE_QUIET_DAYS, STALE_ANSWER_DAYS]).toEqual([2, 10, 3]);
  });
});

describe("marks", () => {
  it("count feedback of either kind, one per contact, without contacts that gave none", () => {
    expect(countMarks([mark(at(1)), mark(at(2), "TAKEN"), { feedback: null, feedbackAt: null }], null)).toBe(2);
  });
  it("count only feedback after the last keep", () => {
    const kept = at(3);
    expect(countMarks([mark(at(1)), mark(at(2)), mark(kept), mark(at(3, 1))], kept)).toBe(1);
  });
});

describe("asking the offerer", () => {
  it("starts at exactly two marks", () => {
    const now = at(1);
    expect(staleCheckReason(offer(), STALE_MARKS - 1, now)).toBeNull();
    expect(staleCheckReason(offer(), STALE_MARKS, now)).toBe("marks");
  });
  it("starts after exactly ten days without confirmation, extension or keep", () => {
    expect(staleCheckReason(offer(), 0, at(STALE_QUIET_DAYS, -1))).toBeNull();
    expect(staleCheckReason(offer(), 0, at(STALE_QUIET_DAYS))).toBe("quiet");
  });
  it("counts the ten days from the latest of confirmation and keep (an extension sets the keep)", () => {
    const kept = offer({ keptAt: at(5) });
    expect(lastOffererAction(kept)).toEqual(at(5));
    expect(staleCheckReason(kept, 0, at(5 + STALE_QUIET_DAYS, -1))).toBeNull();
    expect(staleCheckReason(kept, 0, at(5 + STALE_QUIET_DAYS))).toBe("quiet");
  });
  it("does not ask about an offer that ends within the days it would have to answer (the expiry reminder asks)", () => {
    const now = at(STALE_QUIET_DAYS);
    expect(staleCheckReason(offer({ expiresAt: new Date(now.getTime() + STALE_ANSWER_DAYS * DAY) }), 5, now)).toBeNull();
    expect(staleCheckReason(offer({ expiresAt: new Date(now.getTime() + STALE_ANSWER_DAYS * DAY + 1) }), 5, now)).toBe("marks");
  });
  it("asks once per round, and never about offers that are not listed or are examples", () => {
    const now = at(20);
    expect(staleCheckReason(offer({ staleCheckSentAt: at(19) }), 5, now)).toBeNull();
    expect(staleCheckReason(offer({ staleCheckSentAt: at(12), staleHiddenAt: at(15) }), 5, now)).toBeNull();
    expect(staleCheckReason(offer({ expiresAt: now }), 5, now)).toBeNull();
    expect(staleCheckReason(offer({ status: "PLACED", endedAt: at(2) }), 5, now)).toBeNull();
    expect(staleCheckReason(offer({ status: "PENDING", confirmedAt: null, expiresAt: null }), 5, now)).toBeNull();
    expect(staleCheckReason(offer({ isDemo: true }), 5, now)).toBeNull();
  });
});

describe("hiding", () => {
  const sent = at(11);
  it("happens exactly three days after an unanswered check", () => {
    expect(staleHideDue(offer({ staleCheckSentAt: sent }), new Date(sent.getTime() + STALE_ANSWER_DAYS * DAY - 1))).toBe(false);
    expect(staleHideDue(offer({ staleCheckSentAt: sent }), new Date(sent.getTime() + STALE_ANSWER_DAYS * DAY))).toBe(true);
  });
  it("needs a check, happens once, and leaves ended offers and examples alone", () => {
    const later = at(20);
    expect(staleHideDue(offer(), later)).toBe(false);
    expect(staleHideDue(offer({ staleCheckSentAt: sent, staleHiddenAt: at(14) }), later)).toBe(false);
    expect(staleHideDue(offer({ staleCheckSentAt: sent, expiresAt: later }), later)).toBe(false);
    expect(staleHideDue(offer({ staleCheckSentAt: sent, isDemo: true }), later)).toBe(false);
  });
  it("takes the offer off the list, in the function and in the query condition alike", () => {
    const hidden = offer({ staleCheckSentAt: sent, staleHiddenAt: at(14) });
    expect(isListed(hidden, at(20))).toBe(false);
    expect(isListed({ ...hidden, staleHiddenAt: null }, at(20))).toBe(true);
    expect(listedWhere(at(20))).toMatchObject({ status: "PUBLISHED", staleHiddenAt: null });
  });
});

describe("what moderators see", () => {
  it("marks of the current round, all feedback by kind, and the round's times", () => {
    const view = staleView({ keptAt: at(3), staleCheckSentAt: at(13), staleHiddenAt: null }, [
      mark(at(1)),
      mark(at(4), "TAKEN"),
      mark(at(5)),
    ]);
    expect(view).toEqual({ marks: 2, noAnswer: 2, taken: 1, checkSentAt: at(13), hiddenAt: null, keptAt: at(3) });
  });
});
