import { FIGURE_KEYS, FIGURE_SHORT_LABELS } from "@/lib/capacity/figures";
import { agreedHelpText } from "@/lib/capacity/agreed-help";
import type { MunicipalityEvaluation } from "@/lib/capacity/evaluation";
import { outlookWarning } from "@/lib/capacity/outlook-text";
import { daysBetween, formatDay } from "@/lib/dates";

// relative: the screen-reader text inside stays in the cell (an absolute box could widen the page).
const badge = "relative inline-block rounded px-1.5 py-0.5 text-xs font-medium";

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
        veraltet ({daysBetween(row.reportingDate, asOf)} T.)
      </span>,
    );
  }
  if (remindedOn && row.stale) {
    flags.push(
      <span key="reminded" className={`${badge} bg-slate-100 text-slate-800`}>
        erinnert {formatDay(remindedOn).slice(0, 6)}
      </span>,
    );
  }
  if (row.contradiction) {
    flags.push(
      <span key="contradiction" className={`${badge} bg-purple-100 text-purple-900`}>
        <abbr
          title={
            row.contradiction === "SUFFICIENT_BUT_SHORT"
              ? "„ausreichend“ gemeldet, obwohl Plätze fehlen"
              : "„kritisch“ gemeldet, obwohl Plätze frei sind"
          }
          className="no-underline"
        >
          Widerspruch
        </abbr>
      </span>,
    );
  }
  const help = agreedHelpText(row.agreedHelp);
  if (help) {
    flags.push(
      // Agreed help, apart from the reported figures: the Bedarf beside it already counts it.
      <span key="help" className={`${badge} bg-sky-100 text-sky-900`} data-flag="agreed-help">
        {help}
      </span>,
    );
  }
  const outlookFlag = outlookWarning(row.outlook);
  if (outlookFlag) {
    flags.push(
      // In words beside the colour; the threshold is the county's setting.
      <span key="outlook" className={`${badge} bg-red-100 text-red-900`} data-flag="outlook">
        {outlookFlag}
      </span>,
    );
  }
  if (row.reportingDate && row.missingFigures.length) {
    flags.push(
      // Compact: the count, with the figures named on hover and for screen readers.
      <span key="missing" className={`${badge} bg-slate-100 text-slate-800`}>
        <abbr
          title={`nicht gemeldet: ${row.missingFigures.length === FIGURE_KEYS.length ? "alle Zahlen" : row.missingFigures.map((key) => FIGURE_SHORT_LABELS[key]).join(", ")}`}
          className="no-underline"
        >
          n. g. {row.missingFigures.length}
        </abbr>
        <span className="sr-only"> (nicht gemeldet: {row.missingFigures.map((key) => FIGURE_SHORT_LABELS[key]).join(", ")})</span>
      </span>,
    );
  }
  return <div className="flex flex-wrap gap-1">{flags}</div>;
}
