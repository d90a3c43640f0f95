import "server-only";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { shortfallChartSvg } from "./charts";
import { loadLageExport, type LageExport } from "./lage-data";
import { recordExport } from "./service";
import { pressSummary } from "./summary";

// The print report (/lage/druck): the evaluation, its summary and the Bedarf chart for one Stand.
// Opening it counts as an export, since it is what gets printed or saved as PDF.

export interface PrintReport {
  data: LageExport;
  summary: string;
  /** Our own SVG, every text escaped (charts.ts): safe to inline. */
  chartSvg: string;
}

/** The report, or the message why there is none (an invalid Stand); other errors propagate. */
export async function loadPrintReport(actor: Actor, stand: unknown): Promise<{ report: PrintReport } | { problem: string }> {
  let data: LageExport;
  try {
    data = await loadLageExport(actor, stand);
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return { problem: error.message };
    throw error;
  }
  await recordExport(actor, data, "print");
  return {
    report: {
      data,
      summary: pressSummary({ countyName: data.countyName, evaluation: data.evaluation, previous: data.previous }),
      chartSvg: shortfallChartSvg(data),
    },
  };
}
