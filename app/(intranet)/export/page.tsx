import type { Metadata } from "next";
import Link from "next/link";
import { CopyButton } from "@/components/exports/copy-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { berlinDay, formatDateTime, formatDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { loadLageExport, type LageExport } from "@/lib/exports/lage-data";
import { listRecentExports } from "@/lib/exports/service";
import { pressSummary } from "@/lib/exports/summary";

export const metadata: Metadata = { title: "Export" };

const FORMAT_LABELS: Record<string, string> = { xlsx: "Excel-Arbeitsmappe", csv: "CSV", print: "Druckbericht", chart: "Diagramm" };
const controlClass = "rounded-md border border-slate-400 bg-white px-3 py-2";

export default async function ExportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("export:read");
  const requested = (await searchParams).stand;
  const stand = typeof requested === "string" && requested ? requested : berlinDay();
  let data: LageExport | null = null;
  let problem: string | null = null;
  try {
    data = await loadLageExport(actor, stand);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const recent = await listRecentExports(actor);
  const summary = data ? pressSummary({ countyName: data.countyName, evaluation: data.evaluation, previous: data.previous }) : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Export</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Die Auswertung für Presse und Sitzungen: als Excel-Arbeitsmappe, als CSV, als Druckbericht und als Text. Alles kommt aus derselben
          Auswertung wie die Seite „Lage“; Namen von Meldenden und Kommentare sind nicht enthalten.
        </p>
      </div>

      <section aria-labelledby="datei" className="rounded-lg bg-white p-6 shadow">
        <h2 id="datei" className="mb-4 text-xl font-semibold">
          Datei herunterladen
        </h2>
        <form method="get" action="/api/export/download" className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Stand
            <input name="stand" type="date" defaultValue={stand} max={berlinDay()} className={controlClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Format
            <select name="format" defaultValue="xlsx" className={controlClass}>
              <option value="xlsx">Excel-Arbeitsmappe (alle Tabellen)</option>
              <option value="csv">CSV (eine Tabelle)</option>
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Tabelle (nur CSV)
            <select name="table" defaultValue="auswertung" className={controlClass}>
              <option value="auswertung">Auswertung</option>
              <option value="uebersicht">Übersicht (gemeldete Zahlen)</option>
              <option value="verlauf">Verlauf (12 Monate)</option>
            </select>
          </label>
          <button type="submit" className={buttonClass("primary")}>
            Herunterladen
          </button>
        </form>
        <p className="mt-3 text-sm text-slate-700">
          Ein anderer Stand? Datum wählen und „Stand übernehmen“, damit Text und Links unten passen.
        </p>
        <form method="get" className="mt-2 flex items-end gap-2">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Stand für Text und Bericht
            <input name="stand" type="date" defaultValue={stand} max={berlinDay()} className={controlClass} />
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            Stand übernehmen
          </button>
        </form>
      </section>

      <section aria-labelledby="boerse" className="rounded-lg bg-white p-6 shadow">
        <h2 id="boerse" className="mb-2 text-xl font-semibold">
          Wohnraumbörse je Woche
        </h2>
        <p className="max-w-3xl text-slate-700">
          Eingegangene, bestätigte, vermittelte und abgelaufene Angebote der letzten 12 Kalenderwochen; nur Anzahlen, keine Kontaktdaten.
        </p>
        <ul className="mt-3 flex flex-wrap gap-4">
          <li>
            <Link href="/lage/boerse" className="text-brand-700 underline">
              Seite mit Diagramm
            </Link>
          </li>
          <li>
            {/* A plain link: the download is recorded as an export. */}
            <a href="/api/export/boerse.csv" className="text-brand-700 underline">
              CSV herunterladen
            </a>
          </li>
        </ul>
      </section>

      {problem && <Alert tone="warning">{problem}</Alert>}

      {data && summary && (
        <section aria-labelledby="text" className="rounded-lg bg-white p-6 shadow">
          <h2 id="text" className="mb-2 text-xl font-semibold">
            Text für die Presse (Stand {formatDay(data.stand)})
          </h2>
          {data.isDemo && <p className="mb-2 text-sm font-medium text-amber-900">Beispieldaten: nicht veröffentlichen.</p>}
          <p className="mb-4 max-w-3xl rounded-md border border-slate-300 bg-slate-50 p-4" data-testid="press-summary">
            {summary}
          </p>
          <CopyButton text={summary} label="Text kopieren" />
          <ul className="mt-6 flex flex-wrap gap-4">
            <li>
              {/* A plain link: prefetching the report would log an export nobody opened. */}
              <a href={`/lage/druck?stand=${data.stand}`} className="text-brand-700 underline">
                Druckbericht öffnen (A4 quer, auch als PDF speichern)
              </a>
            </li>
            <li>
              <a href={`/api/export/diagramm?stand=${data.stand}&chart=bedarf&format=png`} className="text-brand-700 underline">
                Diagramm Bedarf (PNG)
              </a>{" "}
              ·{" "}
              <a href={`/api/export/diagramm?stand=${data.stand}&chart=bedarf&format=svg`} className="text-brand-700 underline">
                SVG
              </a>
            </li>
            <li>
              <a href={`/api/export/diagramm?stand=${data.stand}&chart=verlauf&format=png`} className="text-brand-700 underline">
                Diagramm Verlauf (PNG)
              </a>{" "}
              ·{" "}
              <a href={`/api/export/diagramm?stand=${data.stand}&chart=verlauf&format=svg`} className="text-brand-700 underline">
                SVG
              </a>
            </li>
          </ul>
        </section>
      )}

      {(actor.role === "COORDINATOR" || actor.role === "ADMIN") && (
        <section aria-labelledby="protokoll" className="rounded-lg bg-white p-6 shadow">
          <h2 id="protokoll" className="mb-4 text-xl font-semibold">
            Letzte Exporte
          </h2>
          {recent.length === 0 ? (
            <p>Noch keine Exporte.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Letzte Exporte (seitlich scrollbar)">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Letzte Exporte, neueste zuerst</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-2 py-2">
                      Zeitpunkt
                    </th>
                    <th scope="col" className="px-2 py-2">
                      Wer
                    </th>
                    <th scope="col" className="px-2 py-2">
                      Was
                    </th>
                    <th scope="col" className="px-2 py-2">
                      Stand
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {recent.map((entry) => {
                    const after = (entry.after ?? {}) as Record<string, string>;
                    return (
                      <tr key={entry.id} className="border-b border-slate-200">
                        <td className="px-2 py-1.5">{formatDateTime(entry.createdAt)}</td>
                        <td className="px-2 py-1.5">{entry.actor?.name ?? "–"}</td>
                        <td className="px-2 py-1.5">
                          {after.chart
                            ? `Diagramm ${after.chart} (${after.format ?? ""})`
                            : `${FORMAT_LABELS[after.format ?? ""] ?? after.format ?? ""}${after.table ? ` (${after.table})` : ""}`}
                        </td>
                        <td className="px-2 py-1.5">{after.stand ? formatDay(after.stand) : "–"}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
