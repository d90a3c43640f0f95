import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateCounty, type MunicipalityReportInput } from "../../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";
import { parseCountyCsv } from "../../lib/demo/county-csv";
import { svgToPng } from "../../lib/exports/chart-png";
import { shortfallChartSvg, trendChartSvg } from "../../lib/exports/charts";
import type { LageExport } from "../../lib/exports/lage-data";
import { escapeXml } from "../../lib/exports/svg";

// The publication charts, built from the reference county's figures: every municipality is in
// the bar chart with its number and word, names are escaped, and the PNG renderer accepts them.

const STAND = "2026-11-21";
const NASTY = `<b>&"x"</b>`;
const none = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;

function exportOf(extra: MunicipalityReportInput[] = [], isDemo = true): LageExport {
  const inputs: MunicipalityReportInput[] = parseCountyCsv(readFileSync("lib/demo/landkreis-musterland.csv", "utf8")).map((row) => ({
    municipalityId: row.municipality,
    name: row.municipality,
    slug: row.municipality,
    report: { id: row.municipality, reportingDate: STAND, figures: row.figures, situation: row.situation },
  }));
  const evaluation = evaluateCounty([...inputs, ...extra], { asOf: STAND, intervalDays: 7 });
  const history = ["2026-10-31", "2026-11-07", "2026-11-14", STAND].map((asOf, index) => ({
    ...evaluation.totals,
    asOf,
    totalAvailability: evaluation.totals.totalAvailability - 100 * (3 - index),
    missingPlaces: evaluation.totals.missingPlaces + 100 * (3 - index),
  }));
  return {
    countyName: "Landkreis Musterland",
    countySlug: "musterland",
    isDemo,
    stand: STAND,
    evaluation,
    previous: null,
    history,
    generatedAt: new Date("2026-11-21T10:00:00Z"),
    generatedBy: "Test",
  };
}

const nasty: MunicipalityReportInput = {
  municipalityId: "nasty",
  name: NASTY,
  slug: "nasty",
  report: { id: "nasty", reportingDate: STAND, figures: { ...none, quotaOutstanding: 12 }, situation: null },
};

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("the shortfall chart", () => {
  const data = exportOf();
  const svg = shortfallChartSvg(data);

  it("names every municipality with its Bedarf in words", () => {
    for (const row of data.evaluation.rows) expect(svg).toContain(`>${escapeXml(row.name)}<`);
    expect(svg).toContain(">73 fehlen<");
    expect(svg).toContain(">174 frei<");
    expect(svg).toContain(">1 fehlt<");
    const labels = [...svg.matchAll(/>([\d.]+ (?:fehlen|fehlt|frei)|ausgeglichen)</g)];
    expect(labels).toHaveLength(data.evaluation.rows.length);
  });

  it("carries the title, the Stand, the source line and the demo mark", () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1600" height="900" viewBox="0 0 1600 900"/);
    expect(svg).toContain("Fehlender Wohnraum je Kommune");
    expect(svg).toContain("Stand 21.11.2026");
    expect(svg).toContain("Quelle: Landkreis Musterland, Stand 21.11.2026");
    expect(svg).toContain("Beispieldaten");
    expect(shortfallChartSvg(exportOf([], false))).not.toContain("Beispieldaten");
  });

  it("escapes a name full of markup", () => {
    const escaped = shortfallChartSvg(exportOf([nasty]));
    expect(escaped).toContain("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;");
    expect(escaped).toContain(">12 fehlen<");
    expect(escaped).not.toContain("<b>");
    expect(escaped).not.toContain(`"x"`);
  });

  it("grows taller for a county with many municipalities", () => {
    const many = Array.from({ length: 30 }, (_, index) => ({ ...nasty, municipalityId: `m${index}`, name: `Ort ${index}` }));
    expect(shortfallChartSvg(exportOf(many))).toMatch(/height="(\d+)"/);
    expect(Number(/height="(\d+)"/.exec(shortfallChartSvg(exportOf(many)))![1])).toBeGreaterThan(900);
  });
});

describe("the trend chart", () => {
  it("draws the county totals with axis labels, title, Stand and source line", () => {
    const data = exportOf();
    const svg = trendChartSvg(data);
    expect(svg).toContain("Benötigter und verfügbarer Wohnraum");
    expect(svg).toContain("Meldedatum");
    expect(svg).toContain("Personen bzw. Plätze");
    expect(svg).toContain("Quelle: Landkreis Musterland, Stand 21.11.2026");
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(svg).toContain(">716 benötigt<");
    expect(svg).toContain(">1.123 Plätze<");
    expect(svg).toContain(">netto 407 frei<");
    expect(svg).toContain(">31.10.2026<");
  });

  it("says so when there is no history", () => {
    expect(trendChartSvg({ ...exportOf(), history: [] })).toContain("keine Meldungen vor");
  });
});

describe("svgToPng", () => {
  it("renders both charts, even with markup in a name, as PNGs twice the drawing size", async () => {
    for (const svg of [shortfallChartSvg(exportOf([nasty])), trendChartSvg(exportOf())]) {
      const png = await svgToPng(svg);
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(pngSize(png)).toEqual({ width: 3200, height: 1800 });
    }
  });
});
