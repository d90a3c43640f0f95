import type { CountyEvaluation, MunicipalityEvaluation } from "@/lib/capacity/evaluation";
import { formatWeekly } from "@/lib/capacity/outlook-text";
import { formatDay } from "@/lib/dates";
import { EVALUATION_COLUMNS, totalsRow, type EvaluationColumn } from "@/lib/exports/columns";
import { formatNumber } from "@/lib/format";

// The full evaluation table for paper: every municipality, the county's headings and order, the
// "Gesamt" row. The header repeats on every printed page (globals.css: thead as header group).

const NOT_REPORTED = "–";

function cellText(column: EvaluationColumn, value: number | string | null): string {
  // An empty average means no forecast (the "Reicht ca." cell beside says why), not "not reported".
  if (value === null) return column.key === "reportingDate" ? "keine Meldung" : column.format === "decimal" ? "" : NOT_REPORTED;
  if (column.format === "integer" && typeof value === "number") return formatNumber(value);
  if (column.format === "decimal" && typeof value === "number") return formatWeekly(value);
  if (column.format === "day" && typeof value === "string") return formatDay(value);
  return String(value);
}

const alignment = (column: EvaluationColumn) =>
  column.format === "integer" || column.format === "decimal" ? "text-right tabular-nums" : "text-left";

/** Red for missing places, green for spare ones; the word column beside says the same in words. */
const signColor = (column: EvaluationColumn, value: number | string | null) =>
  column.key !== "shortfall" || typeof value !== "number" ? "" : value > 0 ? "text-red-800" : value < 0 ? "text-green-800" : "";

function Row({ row }: { row: MunicipalityEvaluation }) {
  return (
    <tr className="border-t border-slate-200 even:bg-slate-50">
      {EVALUATION_COLUMNS.map((column, index) => {
        const value = column.value(row);
        const content = (
          <>
            {cellText(column, value)}
            {column.key === "reportingDate" && row.stale && value !== null && <span className="text-amber-900"> (veraltet)</span>}
          </>
        );
        const className = `px-2 py-1 ${alignment(column)} ${signColor(column, value)}`;
        return index === 0 ? (
          <th key={column.key} scope="row" className={`${className} whitespace-nowrap font-normal`}>
            {content}
          </th>
        ) : (
          <td key={column.key} className={className}>
            {content}
          </td>
        );
      })}
    </tr>
  );
}

export function PrintEvaluationTable({ evaluation }: { evaluation: CountyEvaluation }) {
  const totals = totalsRow(EVALUATION_COLUMNS, evaluation);
  return (
    <div
      className="overflow-x-auto print:overflow-visible"
      tabIndex={0}
      role="region"
      aria-label="Auswertung je Kommune (seitlich scrollbar)"
    >
      <table className="w-full border-collapse text-sm print:text-[8.5pt]">
        <caption className="mb-2 text-left text-sm text-slate-700">
          {evaluation.rows.length} Kommunen, sortiert wie die Tabelle des Landkreises: größter Überschuss zuerst. „{NOT_REPORTED}“: nicht
          gemeldet, zählt als 0.
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-700 bg-slate-100">
            {EVALUATION_COLUMNS.map((column) => (
              <th key={column.key} scope="col" className={`px-2 py-1 align-bottom font-semibold ${alignment(column)}`}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {evaluation.rows.map((row) => (
            <Row key={row.municipalityId} row={row} />
          ))}
          <tr className="border-t-2 border-slate-700 font-bold">
            {EVALUATION_COLUMNS.map((column, index) => {
              const value = totals[index] ?? null;
              const className = `px-2 py-1 ${alignment(column)} ${signColor(column, value)}`;
              return index === 0 ? (
                <th key={column.key} scope="row" className={className}>
                  {value}
                </th>
              ) : (
                <td key={column.key} className={className}>
                  {value === null ? "" : cellText(column, value)}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
