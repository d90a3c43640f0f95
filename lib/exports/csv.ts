import { EVALUATION_COLUMNS, HISTORY_HEADINGS, historyValues, OVERVIEW_COLUMNS, totalsRow, type EvaluationColumn } from "./columns";
import type { LageExport } from "./lage-data";
import { guardCsvText } from "./text-guard";
import { formatDay } from "../dates";

// The same tables as the workbook, as CSV for German Excel: UTF-8 with a byte order mark, ";" as
// the separator, numbers without thousands separators, a decimal comma, dates as TT.MM.JJJJ,
// empty = not reported (in the outlook's columns: no forecast).

export const CSV_TABLES = ["uebersicht", "auswertung", "verlauf"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

function field(value: number | string | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = guardCsvText(value);
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (shared with the board's weekly export, lib/board-stats/csv.ts). */
export function csvLine(values: (number | string | null)[]): string {
  return values.map(field).join(";");
}

/** Lines as a file for German Excel: byte order mark, CRLF, a final line break. */
export function csvDocument(lines: string[]): string {
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function cellValue(column: EvaluationColumn, value: number | string | null): number | string | null {
  if (column.format === "day" && typeof value === "string") return formatDay(value);
  // German Excel reads "3,5" as a number; "3.5" would become a date or text.
  if (column.format === "decimal" && typeof value === "number") return value.toFixed(1).replace(".", ",");
  return value;
}

function table(columns: EvaluationColumn[], data: LageExport): string[] {
  const lines = [csvLine(columns.map((column) => column.heading))];
  for (const row of data.evaluation.rows) lines.push(csvLine(columns.map((column) => cellValue(column, column.value(row)))));
  lines.push(csvLine(totalsRow(columns, data.evaluation)));
  return lines;
}

export function lageCsv(data: LageExport, which: CsvTable): string {
  const lines =
    which === "uebersicht"
      ? table(OVERVIEW_COLUMNS, data)
      : which === "auswertung"
        ? table(EVALUATION_COLUMNS, data)
        : [csvLine(HISTORY_HEADINGS), ...data.history.map((entry) => csvLine([formatDay(entry.asOf), ...historyValues(entry)]))];
  return csvDocument(lines);
}
