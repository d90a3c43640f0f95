import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  contradictionOf,
  evaluateCounty,
  evaluateMunicipality,
  shortfallOf,
  type MunicipalityReportInput,
} from "../../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";
import { parseCountyCsv } from "../../lib/demo/county-csv";

const none = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;
const figures = (values: Partial<Figures>): Figures => ({ ...none, ...values });
const input = (
  name: string,
  values: Partial<Figures> | null,
  situation: "SUFFICIENT" | "CRITICAL" | null = "SUFFICIENT",
  reportingDate = "2026-11-20",
): MunicipalityReportInput => ({
  municipalityId: name,
  name,
  slug: name.toLowerCase(),
  report: values ? { id: `r-${name}`, reportingDate, figures: figures(values), situation } : null,
});
const options = { asOf: "2026-11-21", intervalDays: 7 };

describe("shortfall of one municipality (domain.md §3)", () => {
  it("is the quota still to fulfil minus places now and in prospect", () => {
    expect(
      shortfallOf(
        figures({ quotaOutstanding: 41, availableShared: 0, availableDecentral: 18, prospectiveShared: 0, prospectiveDecentral: 19 }),
      ),
    ).toEqual({
      availableNow: 18,
      prospective: 19,
      totalPlaces: 37,
      shortfall: 4,
    });
  });

  it("counts an over-fulfilled quota as 0", () => {
    expect(shortfallOf(figures({ quotaOutstanding: -7, availableDecentral: 69 })).shortfall).toBe(-69);
  });

  it("counts unreported figures as 0 but names them", () => {
    const row = evaluateMunicipality(input("J", { allocations: 0, quotaOutstanding: 0 }), options);
    expect(row.shortfall).toBe(0);
    expect(row.missingFigures).toEqual(FIGURE_KEYS.filter((key) => !["allocations", "quotaOutstanding"].includes(key)));
  });

  it("flags a municipality without any report as missing everything and stale", () => {
    const row = evaluateMunicipality(input("X", null), options);
    expect(row).toMatchObject({ reportingDate: null, shortfall: 0, stale: true, contradiction: null });
    expect(row.missingFigures).toHaveLength(FIGURE_KEYS.length);
  });

  it("flags a report older than the interval as stale", () => {
    expect(evaluateMunicipality(input("A", { quotaOutstanding: 1 }, "SUFFICIENT", "2026-11-14"), options).stale).toBe(false);
    expect(evaluateMunicipality(input("A", { quotaOutstanding: 1 }, "SUFFICIENT", "2026-11-13"), options).stale).toBe(true);
  });
});

describe("contradiction between rating and figures", () => {
  it("is 'sufficient' with persons short, or 'critical' with spare places", () => {
    expect(contradictionOf("SUFFICIENT", 1)).toBe("SUFFICIENT_BUT_SHORT");
    expect(contradictionOf("CRITICAL", -1)).toBe("CRITICAL_BUT_SURPLUS");
    expect(contradictionOf("SUFFICIENT", 0)).toBeNull();
    expect(contradictionOf("CRITICAL", 0)).toBeNull();
    expect(contradictionOf("CRITICAL", 5)).toBeNull();
    expect(contradictionOf(null, 5)).toBeNull();
  });
});

describe("county evaluation", () => {
  it("sums quota raw, shows net and gross shortfall, sorts largest surplus first", () => {
    const evaluation = evaluateCounty(
      [
        input("Short", { quotaOutstanding: 30, availableDecentral: 10 }), // +20
        input("Surplus", { quotaOutstanding: -10, availableShared: 50 }), // -50
        input("Even", { quotaOutstanding: 5, prospectiveShared: 5 }, "CRITICAL"), // 0
      ],
      options,
    );
    expect(evaluation.rows.map((row) => [row.name, row.shortfall])).toEqual([
      ["Surplus", -50],
      ["Even", 0],
      ["Short", 20],
    ]);
    expect(evaluation.totals).toEqual({
      placesNeeded: 25,
      availableNow: 60,
      prospective: 5,
      totalAvailability: 65,
      missingPlaces: -40,
      grossShortfall: 20,
      municipalitiesShort: 1,
    });
    expect(evaluation.rows.find((row) => row.name === "Short")!.contradiction).toBe("SUFFICIENT_BUT_SHORT");
    expect(evaluation.reporting).toEqual({ withinInterval: 3, total: 3 });
  });

  it("reproduces the reference county to the person", () => {
    // Expected values computed here directly from the CSV, independently of the module.
    const rows = parseCountyCsv(readFileSync("lib/demo/landkreis-musterland.csv", "utf8"));
    const evaluation = evaluateCounty(
      rows.map((row) => ({
        municipalityId: row.municipality,
        name: row.municipality,
        slug: row.municipality,
        report: { id: row.municipality, reportingDate: "2026-11-21", figures: row.figures, situation: row.situation },
      })),
      options,
    );
    const n = (value: number | null) => value ?? 0;
    let needed = 0;
    let available = 0;
    let prospective = 0;
    for (const row of rows) {
      const f = row.figures;
      const total = n(f.availableShared) + n(f.availableDecentral) + n(f.prospectiveShared) + n(f.prospectiveDecentral);
      const result = evaluation.rows.find((candidate) => candidate.name === row.municipality)!;
      expect(result.shortfall, row.municipality).toBe(Math.max(n(f.quotaOutstanding), 0) - total);
      needed += n(f.quotaOutstanding);
      available += n(f.availableShared) + n(f.availableDecentral);
      prospective += n(f.prospectiveShared) + n(f.prospectiveDecentral);
    }
    expect(evaluation.totals.placesNeeded).toBe(needed);
    expect(evaluation.totals.missingPlaces).toBe(needed - available - prospective);
    // The reference county: 716 places needed, 1,123 available, a net surplus of 407 that hides
    // 134 persons without a place in 7 municipalities.
    expect(evaluation.totals).toEqual({
      placesNeeded: 716,
      availableNow: 469,
      prospective: 654,
      totalAvailability: 1123,
      missingPlaces: -407,
      grossShortfall: 134,
      municipalitiesShort: 7,
    });
    expect(evaluation.rows[0]!.name).toBe("Kommune R");
  });
});
