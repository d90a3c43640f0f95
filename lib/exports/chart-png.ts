import "server-only";
import { existsSync } from "node:fs";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { CHART_WIDTH } from "./svg";

// SVG → PNG for the chart downloads. Kept apart from charts.ts so the print page, which only
// inlines the SVG, never loads the native renderer.

const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES = [`${FONT_DIR}/DejaVuSans.ttf`, `${FONT_DIR}/DejaVuSans-Bold.ttf`];

let fontOptions: ResvgRenderOptions["font"] | undefined;

/** The charts are drawn for DejaVu Sans; without it, whatever sans-serif font the system has. */
function fonts(): ResvgRenderOptions["font"] {
  fontOptions ??= FONT_FILES.every((file) => existsSync(file))
    ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "DejaVu Sans" }
    : { loadSystemFonts: true };
  return fontOptions;
}

/** Twice the drawing size: 3200 pixels wide, about 27 cm at 300 dpi, sharp enough for print. */
export const PNG_SCALE = 2;

/** Renders off the main thread (resvg's worker pool), so a download does not stall other requests. */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  const image = await renderAsync(svg, { font: fonts(), fitTo: { mode: "width", value: CHART_WIDTH * scale }, background: "#ffffff" });
  return image.asPng();
}
