import type { Metadata } from "next";
import Link from "next/link";
import { DemoNotice } from "@/components/evaluation/demo-notice";
import { TrendChart } from "@/components/evaluation/trend-chart";
import { buttonClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { loadBoardWeeks } from "@/lib/board-stats/queries";
import { BOARD_WEEK_FIGURES, BOARD_WEEK_LABELS, boardWeekTotals, weekLabel, type BoardWeekFigure } from "@/lib/board-stats/weekly";
import { countyOf } from "@/lib/capacity/queries";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Wohnraumbörse je Woche" };

const COLORS: Record<BoardWeekFigure, string> = {
  received: "#334155",
  confirmed: "#1d4ed8",
  placedByOfferers: "#0f766e",
  placementsRecorded: "#7e22ce",
  expired: "#b91c1c",
};

const cell = "px-2 py-1.5 text-right tabular-nums";

export default async function BoardStatsPage() {
  const actor = await requirePageActor("export:read");
  const [county, weeks] = await Promise.all([countyOf(actor), loadBoardWeeks(actor)]);
  const totals = boardWeekTotals(weeks);
  const first = weeks[0]!;
  const last = weeks.at(-1)!;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/lage" className="text-brand-700 underline">
            Lage im {county.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">Wohnraumbörse je Woche</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Die privaten Wohnungsangebote der letzten {weeks.length} Kalenderwochen ({formatDay(first.from)} bis {formatDay(last.to)}, Montag
          bis Sonntag, deutsche Zeit). Nur Anzahlen: keine Namen, Kontaktdaten, Adressen oder Beschreibungen.
        </p>
      </div>
      {county.isDemo && <DemoNotice />}
      <p>
        {/* A plain link: the download is recorded as an export, which prefetching must not do. */}
        <a href="/api/export/boerse.csv" className={buttonClass("secondary")}>
          Als CSV herunterladen
        </a>
      </p>

      <figure className="rounded-lg bg-white p-4 shadow">
        <figcaption className="mb-2">
          <h2 className="text-lg font-semibold">Verlauf je Woche</h2>
          <p className="text-sm text-slate-700">Je Linie eine Zahl der Tabelle darunter, am Montag der Woche eingetragen.</p>
        </figcaption>
        <TrendChart
          data={weeks.map((week) => ({
            asOf: week.from,
            ...Object.fromEntries(BOARD_WEEK_FIGURES.map((figure) => [figure, week[figure]])),
          }))}
          series={BOARD_WEEK_FIGURES.map((figure) => ({ key: figure, label: BOARD_WEEK_LABELS[figure].heading, color: COLORS[figure] }))}
        />
      </figure>

      <section aria-labelledby="wochen" className="rounded-lg bg-white p-4 shadow">
        <h2 id="wochen" className="mb-2 text-lg font-semibold">
          Zahlen je Woche
        </h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Zahlen je Woche (seitlich scrollbar)">
          <table className="w-full text-sm" data-testid="board-weeks">
            <caption className="sr-only">Wohnraumbörse je Kalenderwoche, älteste zuerst</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-2 text-left">
                  Woche
                </th>
                {BOARD_WEEK_FIGURES.map((figure) => (
                  <th key={figure} scope="col" className="px-2 py-2 text-right">
                    {BOARD_WEEK_LABELS[figure].heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.week} className="border-b border-slate-200" data-week={week.week}>
                  <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                    {weekLabel(week.week)}
                    <span className="block text-xs text-slate-700">
                      {formatDay(week.from).slice(0, 6)}–{formatDay(week.to)}
                      {week.current && " (laufend)"}
                    </span>
                  </th>
                  {BOARD_WEEK_FIGURES.map((figure) => (
                    <td key={figure} className={cell} data-figure={figure}>
                      {formatNumber(week[figure])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold" data-testid="board-weeks-total">
                <th scope="row" className="px-2 py-1.5 text-left">
                  Gesamt
                </th>
                {BOARD_WEEK_FIGURES.map((figure) => (
                  <td key={figure} className={cell} data-figure={figure}>
                    {formatNumber(totals[figure])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
        <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
          {BOARD_WEEK_FIGURES.map((figure) => (
            <div key={figure}>
              <dt className="font-medium">{BOARD_WEEK_LABELS[figure].heading}</dt>
              <dd className="text-slate-700">{BOARD_WEEK_LABELS[figure].definition}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
