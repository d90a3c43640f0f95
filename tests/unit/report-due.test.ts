import { describe, expect, it } from "vitest";
import { reportDue } from "../../lib/capacity/staleness";
import { describeShortfallInPlaces } from "../../lib/format";

describe("when the next report is due", () => {
  it("is one interval after the latest report; overdue counts the days past that", () => {
    expect(reportDue(null, "2026-11-22", 7)).toEqual({ state: "none" });
    expect(reportDue("2026-11-20", "2026-11-22", 7)).toEqual({ state: "current", dueOn: "2026-11-27" });
    expect(reportDue("2026-11-15", "2026-11-22", 7)).toEqual({ state: "dueToday", dueOn: "2026-11-22" });
    expect(reportDue("2026-11-14", "2026-11-22", 7)).toEqual({ state: "overdue", dueOn: "2026-11-21", overdueDays: 1 });
    // Across the change from summer time: days, not 24-hour periods.
    expect(reportDue("2026-10-20", "2026-11-02", 7)).toEqual({ state: "overdue", dueOn: "2026-10-27", overdueDays: 6 });
  });
});

describe("the shortfall in words", () => {
  it("says the sign with the right grammar", () => {
    expect(describeShortfallInPlaces(73)).toBe("73 Plätze fehlen");
    expect(describeShortfallInPlaces(1)).toBe("1 Platz fehlt");
    expect(describeShortfallInPlaces(-174)).toBe("174 Plätze frei");
    expect(describeShortfallInPlaces(-1)).toBe("1 Platz frei");
    expect(describeShortfallInPlaces(0)).toBe("ausgeglichen");
    expect(describeShortfallInPlaces(1200)).toBe("1.200 Plätze fehlen");
  });
});
