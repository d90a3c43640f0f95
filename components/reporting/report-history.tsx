import Link from "next/link";
import { FigureValue, ShortfallValue } from "@/components/evaluation/figure-value";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { shortfallOf } from "@/lib/capacity/evaluation";
import { FIGURE_KEYS, FIGURE_SHORT_LABELS, SITUATION_LABELS, type FigureKey, type Figures, type Situation } from "@/lib/capacity/figures";
import type { Role } from "@/lib/db/generated/enums";
import { formatDateTime, formatDay } from "@/lib/dates";

export interface HistoryEntry {
  id: string;
  reportingDate: string;
  figures: Figures;
  situation: Situation | null;
  comment: string | null;
  warningNote: string | null;
  unchanged: boolean;
  createdAt: Date;
  authorName: string | null;
  authorRole: Role | null;
  superseded: boolean;
}

// Narrow header cells: soft hyphens (\u00AD) break the long German words where a reader expects it.
const NARROW_HEADERS: Record<FigureKey, string> = {
  allocations: "Zuwei\u00ADsungen",
  arrivals: "Ankünfte",
  notCredited: "Keine Anrech\u00ADnung",
  possiblyCredited: "Mögliche Anrech\u00ADnung",
  quotaOutstanding: "Zu erfüllen",
  housedShared: "Unterge\u00ADbracht GU",
  housedDecentral: "Unterge\u00ADbracht dezen\u00ADtral",
  availableShared: "Verfüg\u00ADbar GU",
  availableDecentral: "Verfüg\u00ADbar dezen\u00ADtral",
  prospectiveShared: "In Aus\u00ADsicht GU",
  prospectiveDecentral: "In Aus\u00ADsicht dezen\u00ADtral",
};

function Marks({ entry }: { entry: HistoryEntry }) {
  return (
    <>
      {entry.unchanged && (
        <span className="block text-xs font-normal text-slate-700" data-testid="unchanged-mark">
          unverändert bestätigt
        </span>
      )}
      {entry.superseded && <span className="block text-xs font-normal">korrigiert (gilt nicht mehr)</span>}
    </>
  );
}

function Author({ entry }: { entry: HistoryEntry }) {
  return (
    <>
      {entry.authorName ?? "Import"}
      {entry.authorRole && entry.authorRole !== "CLERK" && (
        <span className="block text-xs">für die Kommune: {ROLE_LABELS[entry.authorRole]}</span>
      )}
      <span className="block text-xs text-slate-600">{formatDateTime(entry.createdAt)}</span>
    </>
  );
}

function Comment({ entry }: { entry: HistoryEntry }) {
  return (
    <>
      {entry.comment}
      {entry.warningNote && <span className="block text-xs">Zu Hinweisen: {entry.warningNote}</span>}
    </>
  );
}

/**
 * The municipality's reports, one page at a time. A table where the screen is wide enough for
 * all twelve figures, a card per report on narrower screens, so nothing is off-screen.
 */
export function ReportHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <>
      <div className="hidden rounded-lg bg-white shadow xl:block">
        <table className="w-full table-fixed text-left text-sm" data-testid="history-table">
          <caption className="sr-only">Meldungen, neuestes Meldedatum zuerst; korrigierte Meldungen sind markiert.</caption>
          <colgroup>
            <col className="w-24" />
            {FIGURE_KEYS.map((key) => (
              <col key={key} className="w-[4.25rem]" />
            ))}
            <col className="w-24" />
            <col className="w-36" />
            <col />
          </colgroup>
          <thead className="bg-slate-100 align-bottom text-xs">
            <tr>
              <th scope="col" className="px-1.5 py-2">
                Meldedatum
              </th>
              {FIGURE_KEYS.map((key) => (
                <th key={key} scope="col" className="px-1.5 py-2 text-right hyphens-manual" title={FIGURE_SHORT_LABELS[key]}>
                  {NARROW_HEADERS[key]}
                </th>
              ))}
              <th scope="col" className="px-1.5 py-2">
                Einschätzung
              </th>
              <th scope="col" className="px-1.5 py-2">
                Gemeldet von
              </th>
              <th scope="col" className="px-1.5 py-2">
                Kommentar
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className={`border-b border-slate-200 align-top ${entry.superseded ? "bg-slate-50 text-slate-600" : ""}`}>
                <th scope="row" className="px-1.5 py-1.5 font-medium">
                  {formatDay(entry.reportingDate)}
                  <Marks entry={entry} />
                </th>
                {FIGURE_KEYS.map((key) => (
                  <td key={key} className="px-1.5 py-1.5 text-right tabular-nums">
                    <FigureValue value={entry.figures[key]} />
                  </td>
                ))}
                <td className="px-1.5 py-1.5">{entry.situation ? SITUATION_LABELS[entry.situation] : <FigureValue value={null} />}</td>
                <td className="px-1.5 py-1.5 break-words">
                  <Author entry={entry} />
                </td>
                <td className="px-1.5 py-1.5 break-words">
                  <Comment entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="flex flex-col gap-3 xl:hidden" data-testid="history-cards">
        {entries.map((entry) => (
          <li key={entry.id} className={`rounded-lg p-3 shadow ${entry.superseded ? "bg-slate-50 text-slate-600" : "bg-white"}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                Meldung vom {formatDay(entry.reportingDate)}
                <Marks entry={entry} />
              </h3>
              <p className="text-sm">
                Bedarf: <ShortfallValue shortfall={shortfallOf(entry.figures).shortfall} />
              </p>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 md:grid-cols-4">
              {FIGURE_KEYS.map((key) => (
                <div key={key} className="flex justify-between gap-2 border-b border-slate-100">
                  <dt>{FIGURE_SHORT_LABELS[key]}</dt>
                  <dd className="tabular-nums">
                    <FigureValue value={entry.figures[key]} />
                  </dd>
                </div>
              ))}
              <div className="flex justify-between gap-2 border-b border-slate-100">
                <dt>Einschätzung</dt>
                <dd>{entry.situation ? SITUATION_LABELS[entry.situation] : <FigureValue value={null} />}</dd>
              </div>
            </dl>
            <p className="mt-2 text-sm">
              Gemeldet von <Author entry={entry} />
            </p>
            {(entry.comment || entry.warningNote) && (
              <p className="mt-1 text-sm">
                <Comment entry={entry} />
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** "Neuere" / "Ältere" with the page's place; the page number lives in the URL. */
export function HistoryPagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Seiten der Meldungen" className="flex flex-wrap items-center gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 underline" rel="prev">
          ← Neuere Meldungen
        </Link>
      ) : null}
      <span aria-current="page">
        Seite {page} von {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="text-brand-700 underline" rel="next">
          Ältere Meldungen →
        </Link>
      ) : null}
    </nav>
  );
}
