import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { SITUATION_LABELS } from "@/lib/capacity/figures";
import { countyOf, loadCountyEvaluation } from "@/lib/capacity/queries";
import { ageInDays } from "@/lib/capacity/staleness";
import { berlinDay, formatDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Übersicht" };

export default async function OverviewPage() {
  const actor = await requirePageActor("evaluation:read");
  const today = berlinDay();
  const [county, evaluation] = await Promise.all([countyOf(actor), loadCountyEvaluation(actor, today)]);
  // The same evaluation as /lage, listed by name.
  const rows = (evaluation?.rows ?? [])
    .map((row) => ({
      id: row.municipalityId,
      name: row.name,
      slug: row.slug,
      latestReportingDate: row.reportingDate,
      situation: row.situation,
      stale: row.stale,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
  const current = evaluation?.reporting.withinInterval ?? 0;
  const own = rows.find((row) => row.id === actor.municipalityId);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Übersicht: Kommunen im {county.name}</h1>
        <p className="mt-1 text-slate-700">
          {current} von {rows.length} Kommunen haben innerhalb der letzten {county.reportingIntervalDays} Tage gemeldet.{" "}
          <Link href="/lage" className="text-brand-700 underline">
            Zur Lage im Landkreis
          </Link>
        </p>
      </div>
      {own && (
        <section
          aria-labelledby="eigene-kommune"
          className="flex flex-wrap items-center justify-between gap-4 rounded-lg border border-brand-600 bg-brand-50 p-4"
        >
          <div>
            <h2 id="eigene-kommune" className="text-lg font-semibold">
              Ihre Kommune: {own.name}
            </h2>
            <p>
              {own.latestReportingDate ? `Letzte Meldung vom ${formatDay(own.latestReportingDate)}` : "Noch keine Meldung"}
              {own.stale ? " – bitte aktualisieren." : "."}
            </p>
          </div>
          <Link href={`/kommunen/${own.slug}/meldung`} className={buttonClass("primary")}>
            Neue Meldung abgeben
          </Link>
        </section>
      )}
      <div className="overflow-x-auto rounded-lg bg-white shadow">
        <table className="w-full text-left">
          <caption className="sr-only">Letzte Meldung je Kommune</caption>
          <thead className="border-b border-slate-300 bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-4 py-2">
                Kommune
              </th>
              <th scope="col" className="px-4 py-2">
                Letzte Meldung
              </th>
              <th scope="col" className="px-4 py-2">
                Einschätzung der Lage
              </th>
              <th scope="col" className="px-4 py-2">
                Aktualität
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`border-b border-slate-200 ${row.id === actor.municipalityId ? "bg-brand-50" : ""}`}>
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/kommunen/${row.slug}`} className="text-brand-700 underline">
                    {row.name}
                  </Link>
                  {row.id === actor.municipalityId && <span className="ml-2 text-sm font-normal text-brand-700">(Ihre Kommune)</span>}
                </th>
                <td className="px-4 py-2">{row.latestReportingDate ? formatDay(row.latestReportingDate) : "noch keine Meldung"}</td>
                <td className="px-4 py-2">{row.situation ? SITUATION_LABELS[row.situation] : "nicht gemeldet"}</td>
                <td className="px-4 py-2">
                  {row.stale ? (
                    <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">
                      veraltet{row.latestReportingDate ? ` (${ageInDays(row.latestReportingDate, today)} Tage)` : ""}
                    </span>
                  ) : (
                    <span className="rounded bg-green-100 px-2 py-0.5 text-sm font-medium text-green-900">aktuell</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
