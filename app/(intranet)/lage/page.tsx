import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { StandControls } from "@/components/evaluation/stand-controls";
import { CountyOutlookBox, CountyTotalsBlock } from "@/components/evaluation/county-totals";
import { ChartDataTable } from "@/components/evaluation/data-table";
import { DemoNotice } from "@/components/evaluation/demo-notice";
import { EvaluationTable } from "@/components/evaluation/evaluation-table";
import { evaluationTotals } from "@/lib/exports/columns";
import { ShortfallChart } from "@/components/evaluation/shortfall-chart";
import { TrendChart } from "@/components/evaluation/trend-chart";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { parseEvaluationParams } from "@/lib/capacity/evaluation-params";
import { projection } from "@/lib/capacity/outlook";
import { assumptions, formatWeekly } from "@/lib/capacity/outlook-text";
import { countyOf, loadCountyEvaluation, loadCountyTrend } from "@/lib/capacity/queries";
import { latestReminders } from "@/lib/capacity/reminder-log";
import { addDays, formatDay } from "@/lib/dates";
import { describeShortfall, formatNumber, places } from "@/lib/format";

export const metadata: Metadata = { title: "Lage im Landkreis" };

const TREND_WEEKS = 12;
/** Weeks the trend chart's estimate reaches into the future. */
const ESTIMATE_WEEKS = 8;

export default async function SituationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("evaluation:read");
  const params = parseEvaluationParams(await searchParams);
  const trendDates = Array.from({ length: TREND_WEEKS + 1 }, (_, index) => addDays(params.asOf, -7 * (TREND_WEEKS - index)));
  const [county, evaluation, trendAll, reminders] = await Promise.all([
    countyOf(actor),
    loadCountyEvaluation(actor, params.asOf),
    loadCountyTrend(actor, trendDates),
    latestReminders(actor),
  ]);
  if (!evaluation) return null;
  // Weeks before any report are left out, not drawn as 0 (which would look like a collapse).
  const trend = trendAll.filter((point) => point.reported > 0);
  // The county's outlook continues the "Verfügbar jetzt" line as an estimate (outlook.ts).
  const { outlook } = evaluation;
  const forecast = outlook?.forecast ?? null;
  const estimate = forecast && trend.at(-1)?.asOf === params.asOf ? projection(forecast, params.asOf, ESTIMATE_WEEKS) : [];
  const trendData: Record<string, number | string | null>[] =
    forecast && estimate.length > 0
      ? [
          ...trend.map((point) => (point.asOf === params.asOf ? { ...point, estimate: forecast.availableNow } : point)),
          ...estimate.map((point) => ({ asOf: point.asOf, estimate: point.availableNow })),
        ]
      : trend;
  const { totals, reporting } = evaluation;
  const short = evaluation.rows.filter((row) => row.shortfall > 0);
  const spare = evaluation.rows.filter((row) => row.shortfall < 0);

  const noReports = reporting.total > 0 && evaluation.rows.every((row) => row.reportingDate === null);

  return (
    <div className="flex flex-col gap-6">
      {/* On wide screens "Stand" and "Exportieren" sit beside the heading; on a phone they come
          after the answer, so the first screen shows where places are missing. */}
      <div className="grid gap-6 lg:grid-cols-[1fr_auto]">
        <div className="lg:col-start-1 lg:row-start-1">
          <h1 className="text-2xl font-semibold">Lage im {county.name}</h1>
          <p className="mt-1 text-slate-700" data-testid="reporting-rate">
            {reporting.withinInterval} von {reporting.total} Kommunen haben innerhalb des Meldeintervalls ({county.reportingIntervalDays}{" "}
            Tage) gemeldet.
          </p>
        </div>
        <div className="order-last lg:order-none lg:col-start-2 lg:row-start-1 lg:self-end">
          <StandControls
            params={params}
            link={can(actor, "export:read") ? { href: `/export?stand=${params.asOf}`, label: "Exportieren" } : undefined}
          />
          {/* Under "Stand": on a phone after the answer, so the first screen still shows where places are missing. */}
          {can(actor, "export:read") && (
            <p className="mt-2 text-sm lg:text-right">
              <Link href="/lage/boerse" className="text-brand-700 underline">
                Wohnraumbörse je Woche: Angebote und Vermittlungen
              </Link>
            </p>
          )}
        </div>
        {params.asOfError && (
          <div className="lg:col-span-2">
            <Alert tone="warning">{params.asOfError}</Alert>
          </div>
        )}
        {county.isDemo && (
          <div className="lg:col-span-2">
            <DemoNotice />
          </div>
        )}
        {noReports ? (
          <div className="lg:col-span-2">
            <Alert tone="info">
              Für diesen Stand ({formatDay(params.asOf)}) liegen keine Meldungen vor. Wählen Sie ein späteres Datum.
            </Alert>
          </div>
        ) : (
          // The answer first: the gross shortfall and the municipalities that are short (worst first,
          // as the table), then the county totals.
          <div className="flex flex-col gap-6 lg:col-span-2">
            <CountyTotalsBlock totals={totals}>
              <p className="text-lg" data-testid="short-summary">
                Stand <strong>{formatDay(params.asOf)}</strong>:{" "}
                {short.length === 0 ? (
                  "in keiner Kommune fehlen Plätze."
                ) : (
                  <>
                    in {short.length === 1 ? "1 Kommune" : `${short.length} Kommunen`} {totals.grossShortfall === 1 ? "fehlt" : "fehlen"}{" "}
                    <strong>{places(totals.grossShortfall)}</strong>:{" "}
                    {[...short]
                      .sort((a, b) => b.shortfall - a.shortfall)
                      .map((row) => `${row.name} (${describeShortfall(row.shortfall)})`)
                      .join(", ")}
                    .
                  </>
                )}
              </p>
              {short.length > 0 && can(actor, "balancing:read") && (
                <Link href={`/lage/ausgleich?stand=${params.asOf}`} className="mt-1 inline-block font-medium text-brand-700 underline">
                  Ausgleichsvorschlag: wer könnte die fehlenden Plätze übernehmen?
                </Link>
              )}
            </CountyTotalsBlock>
          </div>
        )}
      </div>
      {!noReports && (
        <EvaluationTable
          rows={evaluation.rows}
          params={params}
          remindedOn={reminders}
          totals={evaluationTotals(evaluation)}
          ownMunicipalityId={actor.municipalityId}
          countyOutlook={outlook}
          countyBoardOffers={evaluation.boardOffers}
        />
      )}
      {!noReports && outlook && <CountyOutlookBox outlook={outlook} />}

      <div className="grid gap-6 xl:grid-cols-2">
        <figure className="rounded-lg bg-white p-4 shadow">
          <figcaption className="mb-2">
            <h2 className="text-lg font-semibold">Bedarf je Kommune</h2>
            <p className="text-sm text-slate-700">
              Rot: Plätze fehlen ({short.length} {short.length === 1 ? "Kommune" : "Kommunen"}, zusammen{" "}
              {formatNumber(totals.grossShortfall)}). Blau: Plätze frei ({spare.length} Kommunen, zusammen{" "}
              {formatNumber(spare.reduce((sum, row) => sum - row.shortfall, 0))}).
            </p>
          </figcaption>
          <ShortfallChart data={evaluation.rows.map((row) => ({ name: row.name, shortfall: row.shortfall }))} />
          <ChartDataTable
            caption="Bedarf je Kommune"
            columns={["Kommune", "Bedarf"]}
            rows={evaluation.rows.map((row) => [row.name, describeShortfall(row.shortfall)])}
          />
        </figure>
        <figure className="rounded-lg bg-white p-4 shadow">
          <figcaption className="mb-2">
            <h2 className="text-lg font-semibold">Entwicklung im Landkreis</h2>
            <p className="text-sm text-slate-700">
              Benötigter Wohnraum gegenüber verfügbaren und in Aussicht stehenden Plätzen, wöchentlich vom{" "}
              {formatDay(trend[0]?.asOf ?? params.asOf)} bis {formatDay(params.asOf)}.
            </p>
            {outlook && forecast && estimate.length > 0 && (
              <p className="mt-1 text-sm text-slate-700" data-testid="trend-estimate">
                Fein gestrichelt in Grau („Schätzung“): die jetzt freien Plätze
                {outlook.municipalitiesWithForecast < outlook.municipalitiesTotal
                  ? ` der ${outlook.municipalitiesWithForecast} Kommunen mit Prognose (${formatNumber(forecast.availableNow)})`
                  : ""}{" "}
                in den nächsten Wochen, bei durchschnittlich {formatWeekly(forecast.weeklyAllocations)} neuen Zuweisungen je Woche.{" "}
                {assumptions(outlook.settings)}
              </p>
            )}
          </figcaption>
          <TrendChart
            data={trendData}
            series={[
              { key: "placesNeeded", label: "Benötigter Wohnraum", color: "#b91c1c" },
              { key: "availableNow", label: "Verfügbar jetzt", color: "#1d4ed8" },
              { key: "prospective", label: "In Aussicht", color: "#0f766e", dashed: true },
              { key: "totalAvailability", label: "Verfügbarkeit gesamt", color: "#334155" },
              ...(estimate.length ? [{ key: "estimate", label: "Schätzung: verfügbar jetzt", color: "#64748b", dash: "2 3" }] : []),
            ]}
          />
          <ChartDataTable
            caption="Entwicklung im Landkreis"
            columns={["Stand", "Benötigt", "Verfügbar jetzt", "In Aussicht", "Gesamt", "Fehlend (netto)"]}
            rows={trend
              .map((point) => [
                formatDay(point.asOf),
                formatNumber(point.placesNeeded),
                formatNumber(point.availableNow),
                formatNumber(point.prospective),
                formatNumber(point.totalAvailability),
                formatNumber(point.missingPlaces),
              ])
              .concat(
                estimate.map((point) => [`${formatDay(point.asOf)} (Schätzung)`, "–", formatNumber(point.availableNow), "–", "–", "–"]),
              )}
          />
        </figure>
      </div>
    </div>
  );
}
