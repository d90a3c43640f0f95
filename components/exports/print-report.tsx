import Link from "next/link";
import type { CountyTotals } from "@/lib/capacity/evaluation";
import { formatDateTime, formatDay } from "@/lib/dates";
import type { PrintReport as Report } from "@/lib/exports/print";
import { formatNumber } from "@/lib/format";
import { PrintButton } from "./print-button";
import { PrintEvaluationTable } from "./print-evaluation-table";

// The print report laid out for A4 landscape (globals.css: @page), readable on screen as well,
// since that is where it is checked before printing.

const places = (count: number) => `${formatNumber(count)} ${count === 1 ? "Platz" : "Plätze"}`;

/** "1 Platz fehlt", "2 Plätze fehlen", "174 Plätze frei". */
function netInWords(missing: number): string {
  if (missing > 0) return `${places(missing)} ${missing === 1 ? "fehlt" : "fehlen"}`;
  if (missing < 0) return `${places(-missing)} frei`;
  return "ausgeglichen";
}

function Totals({ totals, reporting }: { totals: CountyTotals; reporting: { withinInterval: number; total: number } }) {
  const figures: [string, string][] = [
    ["Benötigter Wohnraum", formatNumber(totals.placesNeeded)],
    ["Verfügbar jetzt", formatNumber(totals.availableNow)],
    ["In Aussicht", formatNumber(totals.prospective)],
    ["Verfügbarkeit gesamt", formatNumber(totals.totalAvailability)],
  ];
  const short = totals.municipalitiesShort;
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-300 px-3 py-2">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
        <div className="rounded-md border border-slate-700 px-3 py-2">
          <dt className="text-sm text-slate-700">Fehlender Wohnraum netto</dt>
          <dd className="text-xl font-semibold tabular-nums">{netInWords(totals.missingPlaces)}</dd>
        </div>
        <div className="rounded-md border border-red-800 px-3 py-2">
          <dt className="text-sm text-slate-700">Brutto-Fehlbedarf</dt>
          {totals.grossShortfall === 0 ? (
            <dd className="text-xl font-semibold">keiner</dd>
          ) : (
            <>
              <dd className="text-xl font-semibold tabular-nums text-red-900">{netInWords(totals.grossShortfall)}</dd>
              <dd className="text-sm text-red-900">
                in {formatNumber(short)} {short === 1 ? "Kommune" : "Kommunen"}
                {totals.missingPlaces < 0 ? ", trotz Überschuss im Landkreis" : ""}
              </dd>
            </>
          )}
        </div>
      </dl>
      <p className="mt-2 text-sm text-slate-700">
        {reporting.withinInterval} von {reporting.total} Kommunen haben im Meldeintervall gemeldet; für die übrigen gilt ihre letzte Meldung
        (in der Tabelle „veraltet“).
      </p>
    </>
  );
}

/** Back link, print button and chart downloads: on screen only. */
function Toolbar({ stand }: { stand: string }) {
  const chart = (name: string, format: string) => `/api/export/diagramm?stand=${stand}&chart=${name}&format=${format}`;
  return (
    <nav aria-label="Druckbericht" className="mx-auto mb-4 flex max-w-6xl flex-wrap items-center justify-between gap-4 print:hidden">
      <Link href={`/lage?stand=${stand}`} className="text-brand-700 underline">
        Zurück zur Lage
      </Link>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span>
          Diagramm Bedarf:{" "}
          <a href={chart("bedarf", "png")} className="text-brand-700 underline">
            PNG
          </a>{" "}
          ·{" "}
          <a href={chart("bedarf", "svg")} className="text-brand-700 underline">
            SVG
          </a>
        </span>
        <span>
          Diagramm Verlauf:{" "}
          <a href={chart("verlauf", "png")} className="text-brand-700 underline">
            PNG
          </a>{" "}
          ·{" "}
          <a href={chart("verlauf", "svg")} className="text-brand-700 underline">
            SVG
          </a>
        </span>
        <PrintButton />
      </div>
    </nav>
  );
}

export function PrintReport({ report }: { report: Report }) {
  const { data, summary, chartSvg } = report;
  const { evaluation } = data;
  const stand = formatDay(data.stand);
  return (
    <>
      <Toolbar stand={data.stand} />
      <article className="mx-auto flex max-w-6xl flex-col gap-6 rounded-lg bg-white p-8 shadow print:max-w-none print:gap-4 print:rounded-none print:p-0 print:shadow-none">
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-300 pb-4">
          <div>
            <h1 className="text-2xl font-semibold">Unterbringung Geflüchteter: Lage im {data.countyName}</h1>
            <p className="mt-1 text-lg">
              Stand <strong>{stand}</strong>
            </p>
          </div>
          <div className="flex flex-col items-end gap-1 text-sm text-slate-700">
            {data.isDemo && (
              <p className="rounded border-2 border-amber-700 bg-amber-50 px-2 py-0.5 font-semibold text-amber-900">
                Beispieldaten: nicht veröffentlichen
              </p>
            )}
            <p>Erstellt am {formatDateTime(data.generatedAt)}</p>
          </div>
        </header>

        <section aria-labelledby="zusammenfassung">
          <h2 id="zusammenfassung" className="mb-2 text-lg font-semibold">
            Zusammenfassung
          </h2>
          <p className="rounded-md border border-slate-400 bg-slate-50 p-4 leading-relaxed" data-testid="press-summary">
            {summary}
          </p>
        </section>

        <section aria-labelledby="summen" className="break-inside-avoid">
          <h2 id="summen" className="mb-2 text-lg font-semibold">
            Landkreis gesamt
          </h2>
          <Totals totals={evaluation.totals} reporting={evaluation.reporting} />
        </section>

        <section aria-labelledby="tabelle">
          <h2 id="tabelle" className="mb-2 text-lg font-semibold">
            Auswertung je Kommune
          </h2>
          <PrintEvaluationTable evaluation={evaluation} />
        </section>

        <figure className="break-inside-avoid">
          <figcaption className="mb-2">
            <h2 className="text-lg font-semibold">Bedarf je Kommune</h2>
            <p className="text-sm text-slate-700">Die Zahlen stehen an jedem Balken und in der Tabelle oben.</p>
          </figcaption>
          {/* Our own SVG (lib/exports/charts.ts), every text in it escaped. */}
          <div className="[&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: chartSvg }} />
        </figure>

        <footer className="border-t border-slate-300 pt-3 text-sm text-slate-700">
          <p>
            Quelle: {data.countyName}, Stand {stand}.{data.isDemo && <strong> Beispieldaten, keine echten Zahlen.</strong>}
          </p>
          <p>
            Bedarf: noch zu erfüllende Aufnahmequote (mindestens 0) minus verfügbare und in Aussicht stehende Plätze; positiv fehlen Plätze,
            negativ sind Plätze frei. Benötigter Wohnraum: Summe der noch zu erfüllenden Quoten.
          </p>
        </footer>
      </article>
    </>
  );
}
