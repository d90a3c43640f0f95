import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PrintReport } from "../../components/exports/print-report";
import { evaluateCounty } from "../../lib/capacity/evaluation";
import { parseCountyCsv } from "../../lib/demo/county-csv";
import { shortfallChartSvg } from "../../lib/exports/charts";
import { EVALUATION_COLUMNS } from "../../lib/exports/columns";
import type { LageExport } from "../../lib/exports/lage-data";
import { pressSummary } from "../../lib/exports/summary";

// The print report's markup for the reference figures: title, summary, totals in words, the
// full table with one header row (repeated by print CSS) and the bold Gesamt row, the chart.

const STAND = "2026-11-21";
const evaluation = evaluateCounty(
  parseCountyCsv(readFileSync("lib/demo/landkreis-musterland.csv", "utf8")).map((row) => ({
    municipalityId: row.municipality,
    name: row.municipality,
    slug: row.municipality,
    report: { id: row.municipality, reportingDate: STAND, figures: row.figures, situation: row.situation },
  })),
  { asOf: STAND, intervalDays: 7 },
);
const data: LageExport = {
  countyName: "Landkreis Musterland",
  countySlug: "musterland",
  isDemo: true,
  stand: STAND,
  evaluation,
  previous: null,
  history: [{ asOf: STAND, ...evaluation.totals }],
  generatedAt: new Date("2026-11-21T10:00:00Z"),
  generatedBy: "Test",
};
const summary = pressSummary({ countyName: data.countyName, evaluation });
const html = renderToStaticMarkup(<PrintReport report={{ data, summary, chartSvg: shortfallChartSvg(data) }} />);

describe("the print report", () => {
  it("has the title, the Stand, the demo mark, the summary and the source line", () => {
    expect(html).toContain("<h1");
    expect(html).toContain("Unterbringung Geflüchteter: Lage im Landkreis Musterland");
    expect(html).toContain("Stand <strong>21.11.2026</strong>");
    expect(html).toContain("Beispieldaten");
    expect(html).toContain(summary);
    expect(html).toContain("Quelle: Landkreis Musterland, Stand 21.11.2026.");
  });

  it("says the totals in words: net surplus and the gross shortfall with its municipalities", () => {
    expect(html).toContain("407 Plätze frei");
    expect(html).toContain("134 Plätze fehlen");
    expect(html).toMatch(/in 7 Kommunen(<!-- -->)?, trotz Überschuss im Landkreis/);
  });

  it("holds the full table under the county's headings, with a bold Gesamt row", () => {
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((match) => match[1]);
    expect(headers).toEqual(EVALUATION_COLUMNS.map((column) => column.heading));
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html.match(/<th scope="row"/g)).toHaveLength(evaluation.rows.length + 1);
    expect(html).toMatch(/<tr class="[^"]*font-bold[^"]*"><th scope="row"[^>]*>Gesamt<\/th>/);
    expect(html).toContain(">−407</td>");
  });

  it("inlines the chart and offers print and downloads on screen only", () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toMatch(/<button[^>]*print:hidden[^>]*>Drucken<\/button>/);
    expect(html).toContain(`href="/lage?stand=${STAND}"`);
    expect(html).toContain(`href="/api/export/diagramm?stand=${STAND}&amp;chart=bedarf&amp;format=png"`);
  });
});
