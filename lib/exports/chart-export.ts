import "server-only";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { svgToPng } from "./chart-png";
import { shortfallChartSvg, trendChartSvg } from "./charts";
import { exportFileName, loadLageExport, type LageExport } from "./lage-data";
import { recordExport } from "./service";

// The publication charts as downloads: the Bedarf per municipality or the county's course, as SVG
// (for layout programs) or PNG (for everything else).

export const CHARTS = { bedarf: shortfallChartSvg, verlauf: trendChartSvg } satisfies Record<string, (data: LageExport) => string>;
export const CHART_FORMATS = ["svg", "png"] as const;

export type ChartName = keyof typeof CHARTS;
export type ChartFormat = (typeof CHART_FORMATS)[number];

const isChart = (value: string): value is ChartName => Object.hasOwn(CHARTS, value);
const isFormat = (value: string): value is ChartFormat => (CHART_FORMATS as readonly string[]).includes(value);

/** Checks the parameters before anything is loaded; absent ones mean the Bedarf chart as PNG. */
export function parseChartParams(chart: string | null, format: string | null): { chart: ChartName; format: ChartFormat } {
  const which = chart ?? "bedarf";
  const as = format ?? "png";
  const errors: Record<string, string[]> = {};
  if (!isChart(which)) errors.chart = ["Unbekanntes Diagramm: bedarf oder verlauf."];
  if (!isFormat(as)) errors.format = ["Unbekanntes Format: svg oder png."];
  if (!isChart(which) || !isFormat(as)) throw new AppError("VALIDATION", Object.values(errors).flat().join(" "), errors);
  return { chart: which, format: as };
}

export async function chartResponse(
  actor: Actor,
  stand: unknown,
  chartParam: string | null,
  formatParam: string | null,
): Promise<Response> {
  const { chart, format } = parseChartParams(chartParam, formatParam);
  const data = await loadLageExport(actor, stand);
  // The detail's format (png/svg) replaces "chart" in the event; the "chart" key marks it (/export reads it so).
  await recordExport(actor, data, "chart", { chart, format });
  const svg = CHARTS[chart](data);
  const headers = {
    "Content-Disposition": `attachment; filename="${exportFileName(data, format, chart)}"`,
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "png") {
    return new Response(new Uint8Array(await svgToPng(svg)), { headers: { ...headers, "Content-Type": "image/png" } });
  }
  // Opened directly, an SVG is a document of this origin: it may not run or load anything.
  return new Response(svg, {
    headers: {
      ...headers,
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
