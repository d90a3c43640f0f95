import type { CountyTotals } from "@/lib/capacity/evaluation";
import type { CountyOutlook } from "@/lib/capacity/outlook";
import { assumptions, countyOutlookSentence } from "@/lib/capacity/outlook-text";
import { formatNumber, places } from "@/lib/format";

function Figure({ label, value, testId, emphasis }: { label: string; value: number; testId: string; emphasis?: boolean }) {
  return (
    <div className={`rounded-md border px-3 py-2 ${emphasis ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId} data-value={value}>
        {formatNumber(value)}
      </dd>
    </div>
  );
}

/**
 * The county's answer: the gross shortfall and which municipalities are short (children), then
 * the totals. In that order in the document and on a phone; on wide screens the totals sit left
 * of the gross shortfall and the list spans below both.
 */
export function CountyTotalsBlock({ totals, children }: { totals: CountyTotals; children: React.ReactNode }) {
  const surplus = totals.missingPlaces < 0;
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
      <GrossShortfall totals={totals} surplus={surplus} />
      <div className="lg:col-span-2 lg:row-start-2">{children}</div>
      <section aria-labelledby="summen" className="lg:col-start-1 lg:row-start-1">
        <h2 id="summen" className="mb-2 text-lg font-semibold">
          Landkreis gesamt
        </h2>
        <dl className="grid grid-cols-2 gap-2 md:grid-cols-5">
          <Figure label="Benötigter Wohnraum" value={totals.placesNeeded} testId="total-places-needed" />
          <Figure label="Verfügbar jetzt" value={totals.availableNow} testId="total-available-now" />
          <Figure label="In Aussicht" value={totals.prospective} testId="total-prospective" />
          <Figure label="Verfügbarkeit gesamt" value={totals.totalAvailability} testId="total-availability" />
          <div className="rounded-md border border-brand-600 bg-brand-50 px-3 py-2">
            <dt className="text-sm text-slate-700">Saldo des Landkreises</dt>
            <dd
              className="text-lg font-semibold leading-snug tabular-nums"
              data-testid="total-missing-places"
              data-value={totals.missingPlaces}
            >
              {totals.missingPlaces === 0
                ? "ausgeglichen"
                : surplus
                  ? `${places(-totals.missingPlaces)} mehr als benötigt`
                  : `${places(totals.missingPlaces)} ${totals.missingPlaces === 1 ? "fehlt" : "fehlen"}`}
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}

/**
 * After the table (on a phone too): an estimate, so it comes after the answer to "where are places
 * missing", which must stay on the first screen.
 */
export function CountyOutlookBox({ outlook }: { outlook: CountyOutlook }) {
  const { forecast } = outlook;
  const warning = forecast?.warning || outlook.municipalitiesWarned > 0;
  return (
    <section aria-labelledby="reichweite">
      <h2 id="reichweite" className="mb-2 text-lg font-semibold">
        Wie lange die Plätze reichen
      </h2>
      <div className={`rounded-md border px-3 py-2 ${warning ? "border-red-700 bg-red-50" : "border-slate-300 bg-white"}`}>
        <p data-testid="county-outlook" data-weeks={forecast?.now.kind === "RUNS_OUT" ? forecast.now.weeks : undefined}>
          {countyOutlookSentence(outlook)}
        </p>
        <p className="mt-1 text-sm text-slate-700">{assumptions(outlook.settings)} Die Spalte „Reicht ca.“ zeigt es je Kommune.</p>
      </div>
    </section>
  );
}

function GrossShortfall({ totals, surplus }: { totals: CountyTotals; surplus: boolean }) {
  return (
    <section aria-labelledby="brutto" className="lg:col-start-2 lg:row-start-1">
      <h2 id="brutto" className="mb-2 text-lg font-semibold">
        Brutto-Fehlbedarf
      </h2>
      <div className="rounded-md border border-red-700 bg-red-50 px-3 py-2">
        <p className="text-2xl font-semibold tabular-nums text-red-900">
          <span data-testid="gross-shortfall" data-value={totals.grossShortfall}>
            {formatNumber(totals.grossShortfall)}
          </span>{" "}
          Plätze
        </p>
        <p className="text-sm text-red-900">
          fehlen in{" "}
          <span data-testid="municipalities-short" data-value={totals.municipalitiesShort}>
            {totals.municipalitiesShort}
          </span>{" "}
          {totals.municipalitiesShort === 1 ? "Kommune" : "Kommunen"}
          {surplus && totals.grossShortfall > 0 ? ", obwohl der Landkreis netto einen Überschuss hat." : "."}
        </p>
      </div>
    </section>
  );
}
