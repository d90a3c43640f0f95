import type { PlacementMonth } from "@/lib/board-placements/queries";
import { formatNumber } from "@/lib/format";

const monthName = new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" });

/** "November 2026" for "2026-11". */
export function formatMonth(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

/** The municipality page's "Vermittlungen über die Börse": per month, placements and persons, newest first. */
export function MonthlyBoardPlacements({ months }: { months: PlacementMonth[] }) {
  const total = months.reduce((sum, month) => ({ placements: sum.placements + month.placements, persons: sum.persons + month.persons }), {
    placements: 0,
    persons: 0,
  });
  return (
    <section aria-labelledby="boerse-vermittlungen" className="rounded-lg bg-white p-4 shadow sm:p-6" data-testid="board-placements">
      <h2 id="boerse-vermittlungen" className="text-xl font-semibold">
        Vermittlungen über die Börse
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Von der Kommune unter „Wohnraumbörse“ erfasst: Haushalte, die über ein Angebot der Börse eine Wohnung gefunden haben (nur die Zahl
        der Personen, keine Namen).
      </p>
      {total.placements === 0 ? (
        <p className="mt-3">In den letzten {months.length} Monaten ist keine Vermittlung erfasst.</p>
      ) : (
        <table className="mt-3 text-sm">
          <caption className="sr-only">Vermittlungen über die Börse je Monat, neuester zuerst</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-1 text-left">
                Monat
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Vermittlungen
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                Personen
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month} className="border-b border-slate-200" data-month={month.month}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {formatMonth(month.month)}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{formatNumber(month.placements)}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatNumber(month.persons)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="px-2 py-1 text-left">
                {months.length} Monate
              </th>
              <td className="px-2 py-1 text-right tabular-nums">{formatNumber(total.placements)}</td>
              <td className="px-2 py-1 text-right tabular-nums">{formatNumber(total.persons)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
