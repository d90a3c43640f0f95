import { FigureValue } from "@/components/evaluation/figure-value";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { FIGURE_KEYS, FIGURE_SHORT_LABELS, SITUATION_LABELS, type Figures, type Situation } from "@/lib/capacity/figures";
import type { Role } from "@/lib/db/generated/enums";
import { formatDateTime, formatDay } from "@/lib/dates";

interface HistoryEntry {
  id: string;
  reportingDate: string;
  figures: Figures;
  situation: Situation | null;
  comment: string | null;
  warningNote: string | null;
  createdAt: Date;
  authorName: string | null;
  authorRole: Role | null;
  superseded: boolean;
}

export function ReportHistoryTable({ history }: { history: HistoryEntry[] }) {
  return (
    // Focusable, so keyboard users can scroll the wide table.
    <div
      className="max-h-[70vh] overflow-auto rounded-lg bg-white shadow"
      tabIndex={0}
      role="region"
      aria-label="Alle Meldungen (scrollbar)"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Alle Meldungen, neuestes Meldedatum zuerst; korrigierte Meldungen sind markiert.</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky top-0 bg-slate-100 px-2 py-2">
              Meldedatum
            </th>
            {FIGURE_KEYS.map((key) => (
              <th key={key} scope="col" className="sticky top-0 bg-slate-100 px-2 py-2 text-right">
                {FIGURE_SHORT_LABELS[key]}
              </th>
            ))}
            <th scope="col" className="sticky top-0 bg-slate-100 px-2 py-2">
              Einschätzung
            </th>
            <th scope="col" className="sticky top-0 bg-slate-100 px-2 py-2">
              Gemeldet von
            </th>
            <th scope="col" className="sticky top-0 bg-slate-100 px-2 py-2">
              Kommentar
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((report) => (
            <tr key={report.id} className={`border-b border-slate-200 align-top ${report.superseded ? "bg-slate-50 text-slate-600" : ""}`}>
              <th scope="row" className="px-2 py-1.5 font-medium whitespace-nowrap">
                {formatDay(report.reportingDate)}
                {report.superseded && <span className="block text-xs font-normal">korrigiert (gilt nicht mehr)</span>}
              </th>
              {FIGURE_KEYS.map((key) => (
                <td key={key} className="px-2 py-1.5 text-right tabular-nums">
                  <FigureValue value={report.figures[key]} />
                </td>
              ))}
              <td className="px-2 py-1.5">{report.situation ? SITUATION_LABELS[report.situation] : <FigureValue value={null} />}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">
                {report.authorName ?? "Import"}
                {report.authorRole && report.authorRole !== "CLERK" && (
                  <span className="block text-xs">für die Kommune: {ROLE_LABELS[report.authorRole]}</span>
                )}
                <span className="block text-xs text-slate-600">{formatDateTime(report.createdAt)}</span>
              </td>
              <td className="px-2 py-1.5">
                {report.comment}
                {report.warningNote && <span className="block text-xs">Zu Hinweisen: {report.warningNote}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
