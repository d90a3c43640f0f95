import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartDataTable } from "@/components/evaluation/data-table";
import { DemoNotice } from "@/components/evaluation/demo-notice";
import { FigureValue, ShortfallValue } from "@/components/evaluation/figure-value";
import { TrendChart } from "@/components/evaluation/trend-chart";
import { ReportHistoryTable } from "@/components/reporting/report-history-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { evaluateMunicipality } from "@/lib/capacity/evaluation";
import { FIGURE_KEYS, FIGURE_LABELS, SITUATION_LABELS } from "@/lib/capacity/figures";
import { countyOf, loadMunicipality, loadReportHistory, mayReportFor } from "@/lib/capacity/queries";
import { berlinDay, formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Kommune" };

export default async function MunicipalityPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor("evaluation:read");
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const municipality = await loadMunicipality(actor, slug);
  if (!municipality) notFound();
  const [county, history, mayReport] = await Promise.all([
    countyOf(actor),
    loadReportHistory(actor, municipality.id),
    mayReportFor(actor, municipality.id),
  ]);
  const effective = history.filter((report) => !report.superseded);
  const latest = effective[0] ?? null;
  const evaluation = evaluateMunicipality(
    { municipalityId: municipality.id, name: municipality.name, slug, report: latest },
    { asOf: berlinDay(), intervalDays: county.reportingIntervalDays },
  );
  const series = [...effective].reverse().map((report) => {
    const computed = evaluateMunicipality(
      { municipalityId: municipality.id, name: municipality.name, slug, report },
      { asOf: report.reportingDate, intervalDays: county.reportingIntervalDays },
    );
    return {
      asOf: report.reportingDate,
      quotaOutstanding: report.figures.quotaOutstanding,
      availableNow: computed.availableNow,
      prospective: computed.prospective,
      shortfall: computed.shortfall,
    };
  });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href="/lage" className="text-brand-700 underline">
              Lage im {county.name}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{municipality.name}</h1>
          <p className="text-slate-700">
            {latest ? `Letzte Meldung vom ${formatDay(latest.reportingDate)}` : "Noch keine Meldung"}
            {evaluation.stale && latest ? ` – älter als ${county.reportingIntervalDays} Tage` : ""}
          </p>
        </div>
        {mayReport && (
          <Link href={`/kommunen/${slug}/meldung`} className={buttonClass("primary")}>
            Neue Meldung
          </Link>
        )}
      </div>
      {query.gespeichert && <Alert tone="success">Die Meldung ist gespeichert.</Alert>}
      {county.isDemo && <DemoNotice />}

      {latest && (
        <section aria-labelledby="aktuell" className="rounded-lg bg-white p-6 shadow">
          <h2 id="aktuell" className="mb-4 text-xl font-semibold">
            Aktuelle Zahlen
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
            {FIGURE_KEYS.map((key) => (
              <div key={key} className="flex justify-between gap-3 border-b border-slate-200 py-1">
                <dt>{FIGURE_LABELS[key]}</dt>
                <dd className="tabular-nums font-medium" data-figure={key}>
                  <FigureValue value={latest.figures[key]} />
                </dd>
              </div>
            ))}
            <div className="flex justify-between gap-3 border-b border-slate-200 py-1">
              <dt>Einschätzung der Lage</dt>
              <dd className="font-medium">{latest.situation ? SITUATION_LABELS[latest.situation] : <FigureValue value={null} />}</dd>
            </div>
          </dl>
          <p className="mt-4 text-lg">
            Plätze gesamt {formatNumber(evaluation.totalPlaces)} (jetzt {formatNumber(evaluation.availableNow)}, in Aussicht{" "}
            {formatNumber(evaluation.prospective)}); Bedarf: <ShortfallValue shortfall={evaluation.shortfall} />
          </p>
        </section>
      )}

      {series.length > 0 && (
        <figure className="rounded-lg bg-white p-4 shadow">
          <figcaption className="mb-2">
            <h2 className="text-lg font-semibold">Verlauf</h2>
            <p className="text-sm text-slate-700">
              Zu erfüllende Quote gegenüber verfügbaren und in Aussicht stehenden Plätzen je Meldedatum.
            </p>
          </figcaption>
          <TrendChart
            data={series}
            height={280}
            series={[
              { key: "quotaOutstanding", label: "Zu erfüllen", color: "#b91c1c" },
              { key: "availableNow", label: "Verfügbar jetzt", color: "#1d4ed8" },
              { key: "prospective", label: "In Aussicht", color: "#0f766e", dashed: true },
            ]}
          />
          <ChartDataTable
            caption={`Verlauf ${municipality.name}`}
            columns={["Meldedatum", "Zu erfüllen", "Verfügbar jetzt", "In Aussicht", "Bedarf"]}
            rows={series.map((point) => [
              formatDay(point.asOf),
              point.quotaOutstanding === null ? "nicht gemeldet" : formatNumber(point.quotaOutstanding),
              formatNumber(point.availableNow),
              formatNumber(point.prospective),
              formatNumber(point.shortfall),
            ])}
          />
        </figure>
      )}

      <section aria-labelledby="verlauf">
        <h2 id="verlauf" className="mb-2 text-xl font-semibold">
          Alle Meldungen ({history.length})
        </h2>
        <ReportHistoryTable history={history} />
      </section>
    </div>
  );
}
