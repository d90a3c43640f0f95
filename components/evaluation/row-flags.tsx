import { FIGURE_KEYS, FIGURE_SHORT_LABELS } from "@/lib/capacity/figures";
import type { MunicipalityEvaluation } from "@/lib/capacity/evaluation";
import { daysBetween, formatDay } from "@/lib/dates";

const badge = "inline-block rounded px-1.5 py-0.5 text-xs font-medium";

export function RowFlags({ row, asOf, remindedOn }: { row: MunicipalityEvaluation; asOf: string; remindedOn?: string | null }) {
  const flags: React.ReactNode[] = [];
  if (!row.reportingDate) {
    flags.push(
      <span key="none" className={`${badge} bg-amber-100 text-amber-900`}>
        keine Meldung
      </span>,
    );
  } else if (row.stale) {
    flags.push(
      <span key="stale" className={`${badge} bg-amber-100 text-amber-900`}>
        veraltet ({daysBetween(row.reportingDate, asOf)} Tage)
      </span>,
    );
  }
  if (remindedOn && row.stale) {
    flags.push(
      <span key="reminded" className={`${badge} bg-slate-100 text-slate-800`}>
        erinnert am {formatDay(remindedOn)}
      </span>,
    );
  }
  if (row.contradiction) {
    flags.push(
      <span key="contradiction" className={`${badge} bg-purple-100 text-purple-900`}>
        {row.contradiction === "SUFFICIENT_BUT_SHORT" ? "„ausreichend“ trotz Bedarf" : "„kritisch“ trotz freier Plätze"}
      </span>,
    );
  }
  if (row.reportingDate && row.missingFigures.length) {
    flags.push(
      <span key="missing" className="block text-xs text-slate-700">
        nicht gemeldet:{" "}
        {row.missingFigures.length === FIGURE_KEYS.length
          ? "alle Zahlen"
          : row.missingFigures.map((key) => FIGURE_SHORT_LABELS[key]).join(", ")}
      </span>,
    );
  }
  return <div className="flex flex-wrap gap-1">{flags}</div>;
}
