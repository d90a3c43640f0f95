import { describe, expect, it } from "vitest";
import { BOARD_CSV_HEADINGS, boardWeeksCsv } from "../../lib/board-stats/csv";
import {
  boardWeeks,
  boardWeekTotals,
  firstBoardDay,
  isoWeekOf,
  mondayOf,
  weekLabel,
  type BoardWeek,
  type OfferTimesRow,
} from "../../lib/board-stats/weekly";

// The board's weekly figures: ISO weeks in German local time (a Sunday evening in Berlin can be
// Monday in UTC and the other way round), which offer counts where, and the CSV.

/** Wednesday of ISO week 49 of 2026, noon in Berlin (CET, UTC+1). */
const NOW = new Date("2026-12-02T11:00:00Z");
const offer = (extra: Partial<OfferTimesRow>): OfferTimesRow => ({
  status: "PUBLISHED",
  createdAt: new Date("2026-11-25T10:00:00Z"),
  confirmedAt: null,
  expiresAt: null,
  endedAt: null,
  ...extra,
});
const week = (rows: BoardWeek[], iso: string) => rows.find((row) => row.week === iso)!;

describe("ISO weeks", () => {
  it("starts a week on Monday and names it by the year of its Thursday", () => {
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(isoWeekOf("2026-11-23")).toBe("2026-W48");
    // 3 January 2027 still belongs to 2026's week 53; 31 December 2020 to 2020's week 53.
    expect(isoWeekOf(mondayOf("2027-01-03"))).toBe("2026-W53");
    expect(isoWeekOf(mondayOf("2020-12-31"))).toBe("2020-W53");
    expect(isoWeekOf("2021-01-04")).toBe("2021-W01");
    expect(weekLabel("2021-W01")).toBe("KW 1/2021");
  });

  it("lists the last 12 weeks, oldest first, the running one last", () => {
    const rows = boardWeeks({ offers: [], placements: [] }, NOW);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ week: "2026-W38", from: "2026-09-14", to: "2026-09-20", current: false });
    expect(rows.at(-1)).toMatchObject({ week: "2026-W49", from: "2026-11-30", to: "2026-12-06", current: true });
    expect(firstBoardDay(NOW)).toBe("2026-09-14");
    // Late on Sunday in Berlin it is still the old week, though UTC already says Sunday 23:xx.
    expect(boardWeeks({ offers: [], placements: [] }, new Date("2026-11-29T22:30:00Z")).at(-1)!.week).toBe("2026-W48");
    expect(boardWeeks({ offers: [], placements: [] }, new Date("2026-11-29T23:30:00Z")).at(-1)!.week).toBe("2026-W49");
  });
});

describe("which week an offer counts in", () => {
  it("counts an offer created Sunday 23:30 in Berlin in that week, and Monday 00:30 in the next", () => {
    const rows = boardWeeks(
      {
        offers: [
          offer({ createdAt: new Date("2026-11-29T22:30:00Z") }), // Sun 23:30 CET
          offer({ createdAt: new Date("2026-11-29T23:30:00Z") }), // Mon 00:30 CET
          // Summer time (CEST, UTC+2): Sunday 23:30 is 21:30 UTC; 22:30 UTC is already Monday.
          offer({ createdAt: new Date("2026-10-18T21:30:00Z") }),
          offer({ createdAt: new Date("2026-10-18T22:30:00Z") }),
        ],
        placements: [],
      },
      NOW,
    );
    expect(week(rows, "2026-W48").received).toBe(1);
    expect(week(rows, "2026-W49").received).toBe(1);
    expect(week(rows, "2026-W42").received).toBe(1);
    expect(week(rows, "2026-W43").received).toBe(1);
  });

  it("counts confirmations, offers the offerers reported as placed, and expiries of offers still running", () => {
    const rows = boardWeeks(
      {
        offers: [
          // Confirmed in W48, still published.
          offer({ confirmedAt: new Date("2026-11-24T08:00:00Z"), expiresAt: new Date("2026-12-10T08:00:00Z") }),
          // Reported as placed in W49.
          offer({
            status: "PLACED",
            confirmedAt: new Date("2026-11-24T08:00:00Z"),
            expiresAt: new Date("2026-12-10T08:00:00Z"),
            endedAt: new Date("2026-11-30T09:00:00Z"),
          }),
          // Expired in W48 while published.
          offer({ confirmedAt: new Date("2026-11-20T08:00:00Z"), expiresAt: new Date("2026-11-27T08:00:00Z") }),
          // Deleted before its expiry (W48): it never expired.
          offer({
            status: "DELETED",
            confirmedAt: new Date("2026-11-20T08:00:00Z"),
            expiresAt: new Date("2026-11-27T08:00:00Z"),
            endedAt: new Date("2026-11-26T08:00:00Z"),
          }),
          // Expired in W47, reported as placed afterwards in W48: both happened.
          offer({
            status: "PLACED",
            confirmedAt: new Date("2026-11-10T08:00:00Z"),
            expiresAt: new Date("2026-11-17T08:00:00Z"),
            endedAt: new Date("2026-11-25T08:00:00Z"),
          }),
          // Extended: the expiry lies ahead, so the earlier lapse does not count.
          offer({ confirmedAt: new Date("2026-11-10T08:00:00Z"), expiresAt: new Date("2026-12-05T08:00:00Z") }),
          // Unconfirmed: received only.
          offer({ status: "PENDING", createdAt: new Date("2026-12-02T09:00:00Z") }),
        ],
        placements: [],
      },
      NOW,
    );
    expect(week(rows, "2026-W48")).toMatchObject({ received: 6, confirmed: 2, placedByOfferers: 1, expired: 1 });
    expect(week(rows, "2026-W49")).toMatchObject({ placedByOfferers: 1, expired: 0, received: 1 });
    expect(week(rows, "2026-W47")).toMatchObject({ confirmed: 2, expired: 1 });
    expect(week(rows, "2026-W46")).toMatchObject({ confirmed: 2 });
    const totals = boardWeekTotals(rows);
    expect(totals).toEqual({ received: 7, confirmed: 6, placedByOfferers: 2, placementsRecorded: 0, expired: 2 });
  });

  it("counts recorded placements by their day and leaves out anything outside the weeks or in the future", () => {
    const rows = boardWeeks(
      {
        offers: [offer({ createdAt: new Date("2026-09-13T21:59:00Z") })], // Sunday before the first week, in Berlin
        placements: [
          { placedOn: "2026-11-29" },
          { placedOn: "2026-11-30" },
          { placedOn: "2026-11-30" },
          { placedOn: "2026-09-14" },
          { placedOn: "2026-09-13" },
          { placedOn: "2026-12-03" }, // tomorrow
        ],
      },
      NOW,
    );
    expect(week(rows, "2026-W48").placementsRecorded).toBe(1);
    expect(week(rows, "2026-W49").placementsRecorded).toBe(2);
    expect(week(rows, "2026-W38").placementsRecorded).toBe(1);
    expect(boardWeekTotals(rows)).toMatchObject({ received: 0, placementsRecorded: 4 });
  });
});

describe("CSV", () => {
  it("writes German Excel's CSV: BOM, semicolons, CRLF, the weeks oldest first and a Gesamt row", () => {
    const rows = boardWeeks(
      {
        offers: [offer({ confirmedAt: new Date("2026-11-24T08:00:00Z"), expiresAt: new Date("2026-12-10T08:00:00Z") })],
        placements: [{ placedOn: "2026-12-01" }],
      },
      NOW,
    );
    const text = boardWeeksCsv(rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(14);
    expect(lines[0]).toBe(BOARD_CSV_HEADINGS.join(";"));
    expect(lines[0]).toBe(
      "Kalenderwoche;Von;Bis;Angebote eingegangen;Angebote bestätigt;Als vermittelt gemeldet (Anbietende);Vermittlungen erfasst (Kommunen);Abgelaufen",
    );
    expect(lines[1]).toBe("KW 38/2026;14.09.2026;20.09.2026;0;0;0;0;0");
    expect(lines[11]).toBe("KW 48/2026;23.11.2026;29.11.2026;1;1;0;0;0");
    expect(lines[12]).toBe("KW 49/2026 (laufend);30.11.2026;06.12.2026;0;0;0;1;0");
    expect(lines[13]).toBe("Gesamt;14.09.2026;06.12.2026;1;1;0;1;0");
  });
});
