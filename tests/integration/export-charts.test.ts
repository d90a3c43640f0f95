import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { chartResponse } from "../../lib/exports/chart-export";
import { shortfallChartSvg, trendChartSvg } from "../../lib/exports/charts";
import { loadLageExport } from "../../lib/exports/lage-data";
import { loadPrintReport } from "../../lib/exports/print";
import { escapeXml } from "../../lib/exports/svg";
import { formatDay } from "../../lib/dates";
import { describeShortfall } from "../../lib/format";
import { SEED_DAY, seedDemoCounty } from "../support/fixtures";

// The publication charts and the print report on the seeded demo county: every municipality is
// drawn, downloads carry the right file, and each one leaves an audit event.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;

beforeAll(async () => {
  demo = await seedDemoCounty();
});

const exportEvents = () => db().auditEvent.findMany({ where: { action: "export.created" }, orderBy: { createdAt: "asc" } });

describe("the charts for the demo county", () => {
  it("draw all 21 municipalities with their Bedarf, and the county's course over the history", async () => {
    const data = await loadLageExport(demo.coordinator, SEED_DAY);
    expect(data.evaluation.rows).toHaveLength(21);
    const bars = shortfallChartSvg(data);
    for (const row of data.evaluation.rows) {
      expect(bars).toContain(`>${escapeXml(row.name)}<`);
      expect(bars).toContain(
        `<title>${escapeXml(row.name)}: ${row.shortfall === 1 ? "1 fehlt" : describeShortfall(row.shortfall)}</title>`,
      );
    }
    expect(bars).toContain(`Quelle: ${data.countyName}, Stand ${formatDay(SEED_DAY)}`);
    expect(bars).toContain("Beispieldaten");

    const trend = trendChartSvg(data);
    expect(data.history.length).toBeGreaterThan(1);
    expect(trend.match(/<path /g)).toHaveLength(3);
    expect(trend).toContain(`bis Stand ${formatDay(SEED_DAY)}`);
    expect(trend).toContain(`netto ${describeShortfall(data.evaluation.totals.missingPlaces)}`);
  });
});

describe("the chart download", () => {
  it("sends the PNG or SVG as a named attachment and records the export", async () => {
    const before = (await exportEvents()).length;
    const png = await chartResponse(demo.press, SEED_DAY, "bedarf", "png");
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe(`attachment; filename="lage-landkreis-musterland-bedarf-${SEED_DAY}.png"`);
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const svg = await chartResponse(demo.press, SEED_DAY, "verlauf", "svg");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("content-disposition")).toContain(`verlauf-${SEED_DAY}.svg`);
    expect(await svg.text()).toMatch(/^<svg /);

    const events = (await exportEvents()).slice(before);
    // recordExport spreads the detail after the format: the chart's own format ("png") wins the key.
    expect(events.map((event) => event.after)).toEqual([
      { format: "png", stand: SEED_DAY, chart: "bedarf" },
      { format: "svg", stand: SEED_DAY, chart: "verlauf" },
    ]);
  });

  it("refuses an unknown chart or format with a validation error, and a clerk", async () => {
    const error = async (promise: Promise<unknown>) =>
      (await promise.then(
        () => null,
        (caught: unknown) => caught,
      )) as AppError | null;
    expect((await error(chartResponse(demo.coordinator, SEED_DAY, "torte", "png")))?.code).toBe("VALIDATION");
    expect((await error(chartResponse(demo.coordinator, SEED_DAY, "bedarf", "gif")))?.fieldErrors).toHaveProperty("format");
    expect((await error(chartResponse(demo.clerkA, SEED_DAY, "bedarf", "png")))?.code).toBe("FORBIDDEN");
  });
});

describe("the print report", () => {
  it("holds the summary and the chart for a valid Stand and records a print export", async () => {
    const before = (await exportEvents()).length;
    const result = await loadPrintReport(demo.coordinator, SEED_DAY);
    if (!("report" in result)) throw new Error(result.problem);
    expect(result.report.summary).toContain(`Stand ${formatDay(SEED_DAY)}`);
    expect(result.report.chartSvg).toMatch(/^<svg /);
    const events = (await exportEvents()).slice(before);
    expect(events.map((event) => event.after)).toEqual([{ format: "print", stand: SEED_DAY }]);
  });

  it("gives the message for an invalid Stand instead of failing, and records nothing", async () => {
    const before = (await exportEvents()).length;
    expect(await loadPrintReport(demo.coordinator, "2999-01-01")).toEqual({ problem: "Der Stand darf nicht in der Zukunft liegen." });
    expect(await loadPrintReport(demo.coordinator, "kaputt")).toEqual({ problem: "Bitte ein Datum im Format JJJJ-MM-TT angeben." });
    expect((await exportEvents()).length).toBe(before);
  });
});
