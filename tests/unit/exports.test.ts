import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateCounty, type MunicipalityReportInput } from "../../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";
import { DEFAULT_OUTLOOK_SETTINGS, withOutlook } from "../../lib/capacity/outlook";
import { addDays } from "../../lib/dates";
import { parseCountyCsv } from "../../lib/demo/county-csv";
import { EVALUATION_COLUMNS, OVERVIEW_COLUMNS, totalsRow } from "../../lib/exports/columns";
import { pressSummary } from "../../lib/exports/summary";

const options = { asOf: "2026-11-21", intervalDays: 7 };
const demoInputs = (): MunicipalityReportInput[] =>
  parseCountyCsv(readFileSync("lib/demo/landkreis-musterland.csv", "utf8")).map((row) => ({
    municipalityId: row.municipality,
    name: row.municipality,
    slug: row.municipality,
    report: { id: row.municipality, reportingDate: "2026-11-21", figures: row.figures, situation: row.situation },
  }));
const none = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;
const town = (name: string, values: Partial<Figures>): MunicipalityReportInput => ({
  municipalityId: name,
  name,
  slug: name,
  report: { id: name, reportingDate: "2026-11-21", figures: { ...none, ...values }, situation: null },
});

describe("the Gesamt row", () => {
  it("reads as the county's own table for the reference figures, with the net Bedarf", () => {
    const evaluation = evaluateCounty(demoInputs(), options);
    const row = Object.fromEntries(
      EVALUATION_COLUMNS.map((column, index) => [column.key, totalsRow(EVALUATION_COLUMNS, evaluation)[index]]),
    );
    expect(row).toMatchObject({
      name: "Gesamt",
      allocations: 1327,
      quotaOutstanding: 716,
      availableShared: 84,
      availableDecentral: 385,
      prospectiveShared: 372,
      prospectiveDecentral: 282,
      totalPlaces: 1123,
      shortfall: -407,
    });
    // Not the sum of the clamped rows (which would ignore over-fulfilled quotas).
    expect(evaluation.rows.reduce((sum, municipality) => sum + municipality.shortfall, 0)).not.toBe(-407);
  });
  it("numbers the twelve reported figures (1) to (12) as the report does", () => {
    expect(OVERVIEW_COLUMNS.map((column) => column.heading.match(/^\((\d+)\)/)?.[1]).filter(Boolean)).toEqual(
      Array.from({ length: 12 }, (_, index) => String(index + 1)),
    );
  });
});

describe("the press summary", () => {
  it("says what the county's table says, for the reference figures", () => {
    const evaluation = evaluateCounty(demoInputs(), options);
    expect(pressSummary({ countyName: "Landkreis Musterland", evaluation })).toBe(
      "Stand 21.11.2026: Im Landkreis Musterland stehen 1.123 Plätze für 716 noch aufzunehmende Personen bereit, rechnerisch 407 mehr als benötigt. " +
        "In 7 der 21 Kommunen fehlen zusammen 134 Plätze, am meisten in Kommune M (73).",
    );
  });
  it("uses singular and plural correctly, and says how availability changed", () => {
    const now = evaluateCounty(
      [town("Adorf", { quotaOutstanding: 10, availableShared: 9 }), town("Bedorf", { quotaOutstanding: 0, availableShared: 0 })],
      options,
    );
    const before = evaluateCounty([town("Adorf", { quotaOutstanding: 10, availableShared: 8 }), town("Bedorf", { quotaOutstanding: 0 })], {
      ...options,
      asOf: "2026-11-14",
    });
    expect(pressSummary({ countyName: "Landkreis Test", evaluation: now, previous: before })).toBe(
      "Stand 21.11.2026: Im Landkreis Test stehen 9 Plätze für 10 noch aufzunehmende Personen bereit; rechnerisch fehlt 1 Platz. " +
        "In Adorf fehlt 1 Platz; die andere Kommune hat genug. Seit dem 14.11.: 1 Platz mehr verfügbar.",
    );
  });
  it("adds the county's outlook as its own sentence, the same as /lage's", () => {
    const evaluation = evaluateCounty([town("Adorf", { quotaOutstanding: 10, availableShared: 9, prospectiveShared: 3 })], options);
    const weekly = [0, 7, 14, 21, 28].map((days, index) => ({
      reportingDate: addDays(options.asOf, days - 28),
      allocations: 40 + 3 * index,
    }));
    const withForecast = withOutlook(evaluation, new Map([["Adorf", weekly]]), DEFAULT_OUTLOOK_SETTINGS);
    expect(pressSummary({ countyName: "Landkreis Test", evaluation: withForecast })).toBe(
      "Stand 21.11.2026: Im Landkreis Test stehen 12 Plätze für 10 noch aufzunehmende Personen bereit, rechnerisch 2 mehr als benötigt. " +
        "Keine der 1 Kommunen meldet fehlende Plätze. " +
        "Bei durchschnittlich 3,0 neuen Zuweisungen je Woche (Durchschnitt der letzten 4 Meldewochen) reichen die jetzt freien Plätze " +
        "rechnerisch ca. 3 Wochen, mit den Plätzen in Aussicht ca. 4 Wochen. In 1 Kommune reichen die freien Plätze weniger als 4 Wochen.",
    );
    expect(
      pressSummary({ countyName: "Landkreis Test", evaluation: withOutlook(evaluation, new Map(), DEFAULT_OUTLOOK_SETTINGS) }),
    ).toContain("Wie lange die Plätze im Landkreis reichen: zu wenige Meldungen für eine Prognose.");
    // The export columns: the average with one decimal, the weeks in words, the county's in the Gesamt row.
    const row = Object.fromEntries(EVALUATION_COLUMNS.map((column) => [column.key, column.value(withForecast.rows[0]!)]));
    expect(row).toMatchObject({ weeklyAllocations: 3, outlook: "3 Wochen", outlookWithProspect: "4 Wochen" });
    const totals = Object.fromEntries(
      EVALUATION_COLUMNS.map((column, index) => [column.key, totalsRow(EVALUATION_COLUMNS, withForecast)[index]]),
    );
    expect(totals).toMatchObject({ weeklyAllocations: 3, outlook: "3 Wochen", outlookWithProspect: "4 Wochen" });
    // Without a loaded history (the trend's evaluations) the cells stay empty.
    expect(EVALUATION_COLUMNS.find((column) => column.key === "outlook")!.value(evaluation.rows[0]!)).toBeNull();
  });

  it("says plainly when there are no reports for the date", () => {
    const evaluation = evaluateCounty([{ municipalityId: "a", name: "A", slug: "a", report: null }], options);
    expect(pressSummary({ countyName: "Landkreis Test", evaluation })).toBe(
      "Stand 21.11.2026: Für diesen Stand liegen im Landkreis Test keine Meldungen vor.",
    );
  });
});
