"use client";
import { FigureValue } from "@/components/evaluation/figure-value";
import type { NewerReport } from "@/lib/capacity/submit";
import { FIGURE_KEYS, FIGURE_LABELS, SITUATION_LABELS, type Figures, type Situation } from "@/lib/capacity/figures";
import { formatDateTime, formatDay } from "@/lib/dates";

/** The newer report next to the clerk's own input: nothing is overwritten silently. */
export function ConflictPanel({
  newer,
  mine,
  onTakeOver,
}: {
  newer: NewerReport;
  mine: { figures: Figures; situation: Situation | null; reportingDate: string };
  onTakeOver: () => void;
}) {
  return (
    <section aria-labelledby="conflict-title" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3">
      <h2 id="conflict-title" className="font-semibold text-red-900">
        Neuere Meldung vom {formatDateTime(new Date(newer.createdAt))}
        {newer.authorName ? ` (${newer.authorName})` : ""}
      </h2>
      <p className="mb-2 text-sm text-red-900">
        Sie können die neueren Zahlen übernehmen oder Ihre Eingabe prüfen und erneut speichern; dann gilt Ihre Meldung als die neueste.
      </p>
      <table className="w-full bg-white text-sm">
        <caption className="sr-only">Vergleich der neueren Meldung mit Ihrer Eingabe</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left">
              Angabe
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Neuere Meldung
            </th>
            <th scope="col" className="px-2 py-1 text-right">
              Ihre Eingabe
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-200">
            <th scope="row" className="px-2 py-1 text-left font-normal">
              Meldedatum
            </th>
            <td className="px-2 py-1 text-right">{formatDay(newer.reportingDate)}</td>
            <td className="px-2 py-1 text-right">{mine.reportingDate ? formatDay(mine.reportingDate) : "–"}</td>
          </tr>
          {FIGURE_KEYS.map((key) => {
            const differs = newer.figures[key] !== mine.figures[key];
            return (
              <tr key={key} className={`border-t border-slate-200 ${differs ? "font-semibold" : ""}`} data-differs={differs || undefined}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {FIGURE_LABELS[key]}
                  {differs && <span className="sr-only"> (abweichend)</span>}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">
                  <FigureValue value={newer.figures[key]} />
                </td>
                <td className="px-2 py-1 text-right tabular-nums">
                  <FigureValue value={mine.figures[key]} />
                </td>
              </tr>
            );
          })}
          <tr className="border-t border-slate-200">
            <th scope="row" className="px-2 py-1 text-left font-normal">
              Einschätzung
            </th>
            <td className="px-2 py-1 text-right">{newer.situation ? SITUATION_LABELS[newer.situation] : "–"}</td>
            <td className="px-2 py-1 text-right">{mine.situation ? SITUATION_LABELS[mine.situation] : "–"}</td>
          </tr>
        </tbody>
      </table>
      <button
        type="button"
        onClick={onTakeOver}
        className="mt-3 rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
      >
        Neuere Zahlen ins Formular übernehmen
      </button>
    </section>
  );
}
