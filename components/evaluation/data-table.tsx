import type { ReactNode } from "react";

/** The numbers behind a chart, as a table (the chart's text alternative). */
export function ChartDataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: ReactNode[][] }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Daten als Tabelle</summary>
      <table className="mt-2 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((heading) => (
              <th key={heading} scope="col" className="border-b border-slate-300 px-2 py-1 text-left">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, index) => (
            <tr key={index} className="border-b border-slate-200">
              {cells.map((cell, cellIndex) =>
                cellIndex === 0 ? (
                  <th key={cellIndex} scope="row" className="px-2 py-1 text-left font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={cellIndex} className="px-2 py-1 text-right tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
