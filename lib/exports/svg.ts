import { formatDay } from "../dates";

// Small building blocks for the publication charts (charts.ts): escaping, text, scales and the
// frame every chart shares. Strings in, strings out; no DOM, so they run in route handlers,
// server components and tests alike.

export const CHART_WIDTH = 1600;
export const CHART_HEIGHT = 900;
/** The fonts the PNG renderer loads (chart-png.ts); browsers fall back to the next ones. */
export const FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, sans-serif";

export const COLORS = {
  short: "#b91c1c",
  shortText: "#991b1b",
  spare: "#15803d",
  spareText: "#166534",
  available: "#1d4ed8",
  net: "#334155",
  text: "#0f172a",
  muted: "#475569",
  grid: "#cbd5e1",
  axis: "#334155",
  zebra: "#f1f5f9",
} as const;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text for an XML text node or attribute. Names are entered by people, so besides the five
 * special characters this drops what XML 1.0 forbids outright (control characters, lone
 * surrogates): one such character would make the whole SVG unreadable for the PNG renderer.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** A rough width of text in DejaVu Sans (wide glyphs, so it errs on the large side). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

/** Shortens a label that would not fit; the full text stays in the row's <title>. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const characters = Math.max(1, Math.floor(maxWidth / (fontSize * 0.62)) - 1);
  return `${text.slice(0, characters).trimEnd()}…`;
}

const round = (value: number) => Math.round(value * 10) / 10;

type Attributes = Record<string, string | number | undefined>;

const attributes = (attrs: Attributes) =>
  Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? round(value) : escapeXml(value!)}"`)
    .join("");

export function text(x: number, y: number, content: string, attrs: Attributes = {}): string {
  return `<text${attributes({ x, y, ...attrs })}>${escapeXml(content)}</text>`;
}

export function title(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

export function element(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

/** A step of 1, 2 or 5 times a power of ten giving about `count` ticks; never below 1 (whole places). */
export function niceStep(range: number, count: number): number {
  const raw = Math.max(range, 1) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw)!;
  return Math.max(1, step);
}

/** Tick values within [min, max]; `outward` widens the range to whole steps first (for an axis that may grow). */
export function ticks(min: number, max: number, count: number, outward = false): number[] {
  const step = niceStep(max - min, count);
  const from = outward ? Math.floor(min / step) * step : Math.ceil(min / step) * step;
  const to = outward ? Math.ceil(max / step) * step : Math.floor(max / step) * step;
  const result: number[] = [];
  for (let value = from; value <= to; value += step) result.push(value);
  return result;
}

export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

export interface FrameOptions {
  id: string;
  height: number;
  title: string;
  subtitle: string;
  /** How to read the chart, above the source line. */
  note: string;
  /** A plain-text account of the chart for screen readers (<desc>). */
  description: string;
  countyName: string;
  stand: string;
  isDemo: boolean;
  body: string;
}

/** The shared frame: white page, title, subtitle, source line, and the demo mark. */
export function chartFrame(options: FrameOptions): string {
  const { id, height, title: heading, subtitle, note, description, countyName, stand, isDemo, body } = options;
  const footerY = height - 28;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}"`,
    ` role="img" aria-labelledby="${id}-title ${id}-desc" lang="de" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title id="${id}-title">${escapeXml(heading)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    element("rect", { x: 0, y: 0, width: CHART_WIDTH, height, fill: "#ffffff" }),
    text(40, 62, heading, { "font-size": 40, "font-weight": "bold", fill: COLORS.text }),
    text(40, 100, subtitle, { "font-size": 22, fill: COLORS.muted }),
    body,
    text(40, footerY - 44, note, { "font-size": 16, fill: COLORS.muted }),
    element("line", { x1: 40, y1: footerY - 30, x2: CHART_WIDTH - 40, y2: footerY - 30, stroke: COLORS.grid, "stroke-width": 1 }),
    text(40, footerY, `Quelle: ${countyName}, Stand ${formatDay(stand)}`, { "font-size": 18, fill: COLORS.muted }),
    isDemo
      ? text(CHART_WIDTH - 40, footerY, "Beispieldaten, keine echten Zahlen", {
          "font-size": 18,
          "font-weight": "bold",
          fill: COLORS.shortText,
          "text-anchor": "end",
        })
      : "",
    "</svg>",
  ].join("");
}
