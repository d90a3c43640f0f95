import { describe, expect, it } from "vitest";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";
import { MIN_CHANGE_FOR_WARNING, plausibilityWarnings, splitRepeatedWarnings, unconfirmedWarnings } from "../../lib/capacity/plausibility";

const none = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;
const figures = (values: Partial<Figures>): Figures => ({ ...none, ...values });
const codes = (values: Partial<Figures>, previous: Partial<Figures> | null = null, situation: "SUFFICIENT" | "CRITICAL" | null = null) =>
  plausibilityWarnings({ figures: figures(values), situation }, previous ? figures(previous) : null).map((warning) => warning.code);

describe("plausibility rules", () => {
  it("a consistent report has no warning", () => {
    expect(
      codes(
        {
          allocations: 88,
          arrivals: 88,
          notCredited: 0,
          housedShared: 0,
          housedDecentral: 88,
          quotaOutstanding: 41,
          availableDecentral: 18,
          prospectiveDecentral: 19,
        },
        { allocations: 80, arrivals: 80, quotaOutstanding: 45 },
        "CRITICAL",
      ),
    ).toEqual([]);
  });

  it("warns about arrivals above allocations", () => {
    expect(codes({ allocations: 10, arrivals: 11 })).toEqual(["ARRIVALS_ABOVE_ALLOCATIONS"]);
    expect(codes({ allocations: 10, arrivals: 10 })).toEqual([]);
    expect(codes({ allocations: null, arrivals: 11 })).toEqual([]);
  });

  it("warns about more persons housed than arrived plus not credited", () => {
    expect(codes({ arrivals: 30, notCredited: 5, housedShared: 20, housedDecentral: 16 })).toEqual(["HOUSED_ABOVE_ARRIVALS"]);
    expect(codes({ arrivals: 30, notCredited: 5, housedShared: 20, housedDecentral: 15 })).toEqual([]);
    // Housed persons that were not credited count (Kommune D of the reference county: 31 + 4 housed 35).
    expect(codes({ arrivals: 31, notCredited: null, housedDecentral: 35 })).toEqual(["HOUSED_ABOVE_ARRIVALS"]);
    expect(codes({ arrivals: null, housedDecentral: 35 })).toEqual([]);
  });

  it("warns about a figure that changed by more than half against the previous report", () => {
    expect(codes({ availableShared: 16 }, { availableShared: 52 })).toEqual(["CHANGED_BY_HALF:availableShared"]);
    expect(codes({ availableShared: 79 }, { availableShared: 52 })).toEqual(["CHANGED_BY_HALF:availableShared"]);
    expect(codes({ availableShared: 78 }, { availableShared: 52 })).toEqual([]);
    expect(codes({ quotaOutstanding: -20 }, { quotaOutstanding: 10 })).toEqual(["CHANGED_BY_HALF:quotaOutstanding"]);
    expect(codes({ prospectiveShared: 40 }, { prospectiveShared: 0 })).toEqual(["CHANGED_BY_HALF:prospectiveShared"]);
  });

  it("ignores small absolute changes and figures without a previous value", () => {
    expect(codes({ availableShared: 1 + MIN_CHANGE_FOR_WARNING - 1 }, { availableShared: 1 })).toEqual([]);
    expect(codes({ availableShared: 30 }, { availableShared: null })).toEqual([]);
    expect(codes({ availableShared: null }, { availableShared: 30 })).toEqual([]);
    expect(codes({ availableShared: 30 }, null)).toEqual([]);
  });

  it("warns when the rating contradicts the computed shortfall", () => {
    expect(codes({ quotaOutstanding: 30, availableShared: 10 }, null, "SUFFICIENT")).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
    expect(codes({ quotaOutstanding: 5, availableShared: 10 }, null, "CRITICAL")).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
    expect(codes({ quotaOutstanding: 10, availableShared: 10 }, null, "CRITICAL")).toEqual([]);
    expect(codes({ quotaOutstanding: 30, availableShared: 10 }, null, null)).toEqual([]);
  });

  it("explains each warning in German", () => {
    const [warning] = plausibilityWarnings(
      { figures: figures({ quotaOutstanding: 30, availableShared: 10 }), situation: "SUFFICIENT" },
      null,
    );
    expect(warning!.message).toBe("Einschätzung „ausreichend“, aber nach den Zahlen fehlen 20 Plätze.");
  });

  it("requires every current warning to be confirmed", () => {
    const warnings = plausibilityWarnings(
      { figures: figures({ allocations: 1, arrivals: 2, quotaOutstanding: 9 }), situation: "SUFFICIENT" },
      null,
    );
    expect(warnings.map((warning) => warning.code)).toEqual(["ARRIVALS_ABOVE_ALLOCATIONS", "RATING_CONTRADICTS_SHORTFALL"]);
    expect(unconfirmedWarnings(warnings, ["ARRIVALS_ABOVE_ALLOCATIONS"]).map((warning) => warning.code)).toEqual([
      "RATING_CONTRADICTS_SHORTFALL",
    ]);
    expect(unconfirmedWarnings(warnings, ["ARRIVALS_ABOVE_ALLOCATIONS", "RATING_CONTRADICTS_SHORTFALL"])).toEqual([]);
  });
});

describe("a warning confirmed for the same values is not raised again", () => {
  const confirmedReport = (values: Partial<Figures>, situation: "SUFFICIENT" | "CRITICAL" | null, confirmedWarnings: string[]) => ({
    figures: figures(values),
    situation,
    confirmedWarnings,
  });
  const split = (
    values: Partial<Figures>,
    situation: "SUFFICIENT" | "CRITICAL" | null,
    previous: ReturnType<typeof confirmedReport> | null,
  ) => {
    const current = { figures: figures(values), situation };
    const result = splitRepeatedWarnings(plausibilityWarnings(current, previous?.figures ?? null), current, previous);
    return { raised: result.raised.map((warning) => warning.code), carried: result.carried.map((warning) => warning.code) };
  };
  const short = { quotaOutstanding: 30, availableShared: 10 };

  it("carries a confirmation while every value the warning depends on stays the same", () => {
    expect(split(short, "SUFFICIENT", confirmedReport(short, "SUFFICIENT", ["RATING_CONTRADICTS_SHORTFALL"]))).toEqual({
      raised: [],
      carried: ["RATING_CONTRADICTS_SHORTFALL"],
    });
    // A figure the warning does not depend on may change.
    expect(
      split(
        { ...short, allocations: 3 },
        "SUFFICIENT",
        confirmedReport({ ...short, allocations: 2 }, "SUFFICIENT", ["RATING_CONTRADICTS_SHORTFALL"]),
      ).raised,
    ).toEqual([]);
  });

  it("raises it again when a value it depends on changes, or when it was never confirmed", () => {
    expect(
      split({ ...short, availableShared: 11 }, "SUFFICIENT", confirmedReport(short, "SUFFICIENT", ["RATING_CONTRADICTS_SHORTFALL"])).raised,
    ).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
    expect(
      split({ ...short, quotaOutstanding: 31 }, "SUFFICIENT", confirmedReport(short, "SUFFICIENT", ["RATING_CONTRADICTS_SHORTFALL"]))
        .raised,
    ).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
    expect(split(short, "SUFFICIENT", confirmedReport(short, "SUFFICIENT", [])).raised).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
    expect(split(short, "SUFFICIENT", null).raised).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
    const arrivals = { allocations: 10, arrivals: 11 };
    expect(split({ ...arrivals, arrivals: 12 }, null, confirmedReport(arrivals, null, ["ARRIVALS_ABOVE_ALLOCATIONS"])).raised).toEqual([
      "ARRIVALS_ABOVE_ALLOCATIONS",
    ]);
    expect(split(arrivals, null, confirmedReport(arrivals, null, ["ARRIVALS_ABOVE_ALLOCATIONS"])).raised).toEqual([]);
  });

  it("takes the rating as one of the values", () => {
    const surplus = { quotaOutstanding: 0, availableShared: 10 };
    expect(split(surplus, "CRITICAL", confirmedReport(surplus, "CRITICAL", ["RATING_CONTRADICTS_SHORTFALL"])).raised).toEqual([]);
    // "kritisch" → no rating → "kritisch": the previous report confirmed nothing of the kind.
    expect(split(surplus, "CRITICAL", confirmedReport(surplus, null, [])).raised).toEqual(["RATING_CONTRADICTS_SHORTFALL"]);
  });
});
