import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MonthlyBoardPlacements } from "@/components/board-placements/monthly-placements";
import { ChartDataTable } from "@/components/evaluation/data-table";
import { DemoNotice } from "@/components/evaluation/demo-notice";
import { FigureValue } from "@/components/evaluation/figure-value";
import { TrendChart } from "@/components/evaluation/trend-chart";
import { MunicipalityOutlookSection } from "@/components/evaluation/municipality-outlook";
import { MunicipalityStatus } from "@/components/reporting/municipality-status";
import { HistoryPagination, ReportHistory } from "@/components/reporting/report-history";
import { PlacementHint } from "@/components/help/placement-hint";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/actor";
import { loadCurrentPlacementsOf } from "@/lib/help/queries";
import { boardOffersText } from "@/lib/capacity/board-offers";
import { loadBoardOffers } from "@/lib/capacity/board-offers-data";
import { requirePageActor } from "@/lib/auth/session";
import { loadMonthlyBoardPlacements } from "@/lib/board-placements/queries";
import { evaluateMunicipality } from "@/lib/capacity/evaluation";
import { FIGURE_KEYS, FIGURE_LABELS, SITUATION_LABELS } from "@/lib/capacity/figures";
import {
  countReports,
  countyOf,
  HISTORY_PAGE_SIZE,
  TREND_WEEKS,
  loadMunicipality,
  loadMunicipalityOutlook,
  loadReportHistory,
  loadUnchangedOption,
  loadWeeklyTrend,
} from "@/lib/capacity/queries";
import { berlinDay, formatDay } from "@/lib/dates";
import { describeShortfall, formatNumber } from "@/lib/format";
import { parsePageNumber } from "@/lib/validation";

export const metadata: Metadata = { title: "Kommune" };

export default async function MunicipalityPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("evaluation:read");
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const municipality = await loadMunicipality(actor, slug);
  if (!municipality) notFound();
  const today = berlinDay();
  const [county, weekly, reportCount, unchangedOption, placements, boardOffers, boardPlacements] = await Promise.all([
    countyOf(actor),
    loadWeeklyTrend(actor, municipality.id),
    countReports(actor, municipality.id),
    loadUnchangedOption(actor, municipality.id, today),
    loadCurrentPlacementsOf(actor, municipality.id),
    loadBoardOffers(actor.countyId, today),
    loadMonthlyBoardPlacements(actor, municipality.id, today),
  ]);
  const pageCount = Math.max(1, Math.ceil(reportCount / HISTORY_PAGE_SIZE));
  const page = Math.min(parsePageNumber(query.seite), pageCount);
  const history = await loadReportHistory(actor, municipality.id, { page });
  const latest = weekly.at(-1) ?? null;
  const evaluation = evaluateMunicipality(
    { municipalityId: municipality.id, name: municipality.name, slug, report: latest },
    { asOf: today, intervalDays: county.reportingIntervalDays },
  );
  // The same outlook as /lage's column for today (lib/capacity/outlook.ts).
  const outlook = await loadMunicipalityOutlook(actor, evaluation, today);
  const series = weekly.map((report) => {
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
      <div>
        <p className="text-sm">
          <Link href="/lage" className="text-brand-700 underline">
            Lage im {county.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{municipality.name}</h1>
      </div>
      {query.gespeichert && <Alert tone="success">Die Meldung ist gespeichert.</Alert>}
      {query.unveraendert && <Alert tone="success">Die Zahlen sind für heute unverändert gemeldet.</Alert>}
      <MunicipalityStatus
        evaluation={evaluation}
        today={today}
        intervalDays={county.reportingIntervalDays}
        reporting={unchangedOption}
        returnTo="kommune"
      />
      <PlacementHint municipalityId={municipality.id} placements={placements} />
      <p data-testid="board-offers">
        Private Angebote auf der Wohnraumbörse: <strong>{boardOffersText(boardOffers.get(municipality.id))}</strong>{" "}
        <span className="text-sm text-slate-700">(nicht in den gemeldeten Zahlen enthalten)</span>
      </p>
      {can(actor, "help:act") && evaluation.shortfall > 0 && (actor.role !== "CLERK" || actor.municipalityId === municipality.id) && (
        <p>
          <Link href={`/amtshilfe/neu?kommune=${municipality.slug}`} className="font-medium text-brand-700 underline">
            Amtshilfe für {municipality.name} anfragen
          </Link>
        </p>
      )}
      {county.isDemo && <DemoNotice />}
      {outlook && latest && <MunicipalityOutlookSection outlook={outlook.outlook} settings={outlook.settings} />}

      {latest && (
        <section aria-labelledby="aktuell" className="rounded-lg bg-white p-4 shadow sm:p-6">
          <h2 id="aktuell" className="mb-4 text-xl font-semibold">
            Zahlen der Meldung vom {formatDay(latest.reportingDate)}
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
        </section>
      )}

      {series.length > 0 && (
        <figure className="rounded-lg bg-white p-4 shadow">
          <figcaption className="mb-2">
            <h2 className="text-lg font-semibold">Verlauf</h2>
            <p className="text-sm text-slate-700">
              Zu erfüllende Quote gegenüber verfügbaren und in Aussicht stehenden Plätzen, je Woche die letzte Meldung (höchstens{" "}
              {TREND_WEEKS} Wochen).
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
            rows={[...series]
              .reverse()
              .map((point) => [
                formatDay(point.asOf),
                point.quotaOutstanding === null ? "nicht gemeldet" : formatNumber(point.quotaOutstanding),
                formatNumber(point.availableNow),
                formatNumber(point.prospective),
                describeShortfall(point.shortfall),
              ])}
          />
        </figure>
      )}

      <MonthlyBoardPlacements months={boardPlacements} />

      <section aria-labelledby="verlauf" className="flex flex-col gap-3">
        <h2 id="verlauf" className="text-xl font-semibold">
          Alle Meldungen ({formatNumber(reportCount)})
        </h2>
        <p className="text-sm text-slate-700">Neuestes Meldedatum zuerst; korrigierte Meldungen sind markiert.</p>
        <HistoryPagination page={page} pageCount={pageCount} href={(target) => `/kommunen/${slug}?seite=${target}#verlauf`} />
        <ReportHistory entries={history} />
        <HistoryPagination page={page} pageCount={pageCount} href={(target) => `/kommunen/${slug}?seite=${target}#verlauf`} />
      </section>
    </div>
  );
}
