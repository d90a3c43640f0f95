import type { Metadata } from "next";
import Link from "next/link";
import { ShortfallValue } from "@/components/evaluation/figure-value";
import { RowFlags } from "@/components/evaluation/row-flags";
import { OpenRequestsBox } from "@/components/help/open-requests-box";
import { MunicipalityStatus } from "@/components/reporting/municipality-status";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { countyOf, loadCountyEvaluation, loadUnchangedOption } from "@/lib/capacity/queries";
import { latestReminders } from "@/lib/capacity/reminder-log";
import { reportDue } from "@/lib/capacity/staleness";
import { berlinDay, formatDay } from "@/lib/dates";
import { places, sinceDays } from "@/lib/format";
import { listHelpRequests } from "@/lib/help/queries";

export const metadata: Metadata = { title: "Übersicht" };

// Every role lands here. A clerk sees what to do this week for the own municipality; the task
// force sees who has not reported and the headline figure; everyone the list of municipalities.
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("evaluation:read");
  const today = berlinDay();
  const [county, evaluation, reminders, query, help] = await Promise.all([
    countyOf(actor),
    loadCountyEvaluation(actor, today),
    latestReminders(actor),
    searchParams,
    listHelpRequests(actor),
  ]);
  if (!evaluation) return null;
  const rows = [...evaluation.rows].sort((a, b) => a.name.localeCompare(b.name, "de"));
  const own = rows.find((row) => row.municipalityId === actor.municipalityId);
  const ownUnchangedOption = own ? await loadUnchangedOption(actor, own.municipalityId, today) : null;
  const { totals, reporting } = evaluation;
  const overdue = rows
    .map((row) => ({ row, due: reportDue(row.reportingDate, today, county.reportingIntervalDays) }))
    .filter(({ due }) => due.state === "overdue" || due.state === "none")
    .sort((a, b) => overdueDaysOf(b.due) - overdueDaysOf(a.due) || a.row.name.localeCompare(b.row.name, "de"));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Übersicht: Kommunen im {county.name}</h1>
        <p className="mt-1 text-slate-700" data-testid="overview-reporting-rate">
          {reporting.withinInterval} von {reporting.total} Kommunen haben innerhalb der letzten {county.reportingIntervalDays} Tage
          gemeldet.
        </p>
      </div>
      {query.unveraendert && <Alert tone="success">Die Zahlen sind für heute unverändert gemeldet.</Alert>}

      {own && (
        <MunicipalityStatus
          evaluation={own}
          today={today}
          intervalDays={county.reportingIntervalDays}
          reporting={ownUnchangedOption}
          returnTo="uebersicht"
          heading={
            <>
              Ihre Kommune:{" "}
              <Link href={`/kommunen/${own.slug}`} className="text-brand-700 underline">
                {own.name}
              </Link>
            </>
          }
        />
      )}

      {!own && (
        <div className="grid gap-4 lg:grid-cols-2">
          <section aria-labelledby="fehlbedarf" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
            <h2 id="fehlbedarf" className="text-base font-semibold text-slate-700">
              Wo Plätze fehlen
            </h2>
            <p className="text-3xl font-bold text-red-900" data-testid="overview-gross-shortfall" data-value={totals.grossShortfall}>
              {totals.grossShortfall === 0
                ? "Keine Kommune ist knapp"
                : `${places(totals.grossShortfall)} ${totals.grossShortfall === 1 ? "fehlt" : "fehlen"}`}
            </p>
            {totals.grossShortfall > 0 && (
              <p className="text-red-900">
                in {totals.municipalitiesShort === 1 ? "1 Kommune" : `${totals.municipalitiesShort} Kommunen`}
                {totals.missingPlaces < 0 && `; der Landkreis hat insgesamt ${places(-totals.missingPlaces)} mehr als benötigt`}.
              </p>
            )}
            <p className="mt-2">
              <Link href="/lage" className="font-medium text-brand-700 underline">
                Zur Lage im Landkreis
              </Link>
            </p>
          </section>
          <section aria-labelledby="ueberfaellig" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
            <h2 id="ueberfaellig" className="text-base font-semibold text-slate-700">
              Meldung überfällig
            </h2>
            {overdue.length === 0 ? (
              <p className="text-xl font-semibold">Alle Kommunen haben rechtzeitig gemeldet.</p>
            ) : (
              <>
                <p className="text-xl font-semibold" data-testid="overdue-count">
                  {overdue.length === 1 ? "1 Kommune" : `${overdue.length} Kommunen`}
                </p>
                <ul className="mt-2 flex flex-col gap-1" data-testid="overdue-list">
                  {overdue.map(({ row, due }) => (
                    <li key={row.municipalityId}>
                      <Link href={`/kommunen/${row.slug}`} className="font-medium text-brand-700 underline">
                        {row.name}
                      </Link>
                      {": "}
                      {due.state === "overdue"
                        ? `seit ${sinceDays(due.overdueDays)} überfällig (letzte Meldung ${formatDay(row.reportingDate!)})`
                        : "noch nie gemeldet"}
                      {reminders[row.municipalityId] && `, erinnert am ${formatDay(reminders[row.municipalityId]!)}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}

      <OpenRequestsBox requests={help.open} ownMunicipalityId={actor.municipalityId} />

      <section aria-labelledby="alle-kommunen" className="flex flex-col gap-2">
        <h2 id="alle-kommunen" className="text-xl font-semibold">
          Alle Kommunen
        </h2>
        <div className="overflow-x-auto rounded-lg bg-white shadow">
          <table className="w-full text-left">
            <caption className="sr-only">Letzte Meldung und Bedarf je Kommune, nach Namen</caption>
            <thead className="border-b border-slate-300 bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Kommune
                </th>
                <th scope="col" className="px-3 py-2">
                  Bedarf
                </th>
                <th scope="col" className="px-3 py-2">
                  Letzte Meldung
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Hinweise
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.municipalityId}
                  className={`border-b border-slate-200 ${row.municipalityId === actor.municipalityId ? "bg-brand-50" : ""}`}
                >
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/kommunen/${row.slug}`} className="text-brand-700 underline">
                      {row.name}
                    </Link>
                    {row.municipalityId === actor.municipalityId && (
                      <span className="block text-sm font-normal text-brand-700">Ihre Kommune</span>
                    )}
                  </th>
                  <td className="px-3 py-2">{row.reportingDate ? <ShortfallValue shortfall={row.shortfall} /> : "–"}</td>
                  <td className="px-3 py-2">
                    {row.reportingDate ? formatDay(row.reportingDate) : "noch keine"}
                    <span className="sm:hidden">{row.stale && <span className="block text-sm text-amber-900">veraltet</span>}</span>
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    <RowFlags row={row} asOf={today} remindedOn={reminders[row.municipalityId]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** Never reported counts as the most overdue. */
function overdueDaysOf(due: ReturnType<typeof reportDue>): number {
  return due.state === "overdue" ? due.overdueDays : due.state === "none" ? Number.POSITIVE_INFINITY : 0;
}
