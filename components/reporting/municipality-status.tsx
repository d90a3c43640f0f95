import Link from "next/link";
import type { MunicipalityEvaluation } from "@/lib/capacity/evaluation";
import { SITUATION_LABELS } from "@/lib/capacity/figures";
import type { PlausibilityWarning } from "@/lib/capacity/plausibility";
import { reportDue } from "@/lib/capacity/staleness";
import { formatDay } from "@/lib/dates";
import { describeShortfallInPlaces, formatNumber, places, sinceDays } from "@/lib/format";
import { buttonClass } from "@/components/ui/styles";
import { UnchangedReportButton } from "./unchanged-report-button";

/** The report's state in words: what the clerk has to do this week. */
export function DueSentence({ reportingDate, today, intervalDays }: { reportingDate: string | null; today: string; intervalDays: number }) {
  const due = reportDue(reportingDate, today, intervalDays);
  switch (due.state) {
    case "none":
      return <>Noch keine Meldung – bitte melden.</>;
    case "current":
      return <>Aktuell. Nächste Meldung bis {formatDay(due.dueOn)}.</>;
    case "dueToday":
      return <>Die nächste Meldung ist heute fällig.</>;
    case "overdue":
      return (
        <>
          Überfällig seit {sinceDays(due.overdueDays)} (fällig war sie am {formatDay(due.dueOn)}).
        </>
      );
  }
}

/**
 * The answer to "how does this municipality stand, and what is to do": the Bedarf in words, the
 * contradiction flag, the report's state and, for those who may report, the two buttons.
 */
export function MunicipalityStatus(props: {
  evaluation: MunicipalityEvaluation;
  today: string;
  intervalDays: number;
  /** Set when the actor may report: the base for "Unverändert melden" and what still blocks it. */
  reporting: { latestSavedId: string | null; pendingWarnings: PlausibilityWarning[] } | null;
  returnTo: "uebersicht" | "kommune";
  heading?: React.ReactNode;
}) {
  const { evaluation, reporting } = props;
  const { shortfall } = evaluation;
  const due = reportDue(evaluation.reportingDate, props.today, props.intervalDays);
  const tone = shortfall > 0 ? "border-red-700 bg-red-50" : "border-slate-300 bg-white";
  return (
    <section
      aria-labelledby={`status-${evaluation.slug}`}
      className={`flex flex-wrap items-start justify-between gap-4 rounded-lg border-2 p-4 ${tone}`}
    >
      <div className="flex flex-col gap-1">
        <h2 id={`status-${evaluation.slug}`} className="text-base font-semibold text-slate-700">
          {props.heading ?? "Bedarf"}
        </h2>
        {evaluation.reportingDate ? (
          <p
            className={`text-3xl font-bold ${shortfall > 0 ? "text-red-800" : shortfall < 0 ? "text-blue-800" : "text-slate-900"}`}
            data-testid="municipality-shortfall"
            data-value={shortfall}
          >
            {describeShortfallInPlaces(shortfall)}
          </p>
        ) : (
          <p className="text-xl font-semibold">Noch keine Zahlen</p>
        )}
        {evaluation.reportingDate && (
          <p className="text-slate-800">
            Zu erfüllen{" "}
            {evaluation.figures.quotaOutstanding === null ? "nicht gemeldet" : formatNumber(evaluation.figures.quotaOutstanding)}, Plätze
            jetzt {formatNumber(evaluation.availableNow)}, in Aussicht {formatNumber(evaluation.prospective)}.
          </p>
        )}
        {evaluation.contradiction && (
          <p className="font-medium text-purple-900" data-testid="contradiction">
            <span className="me-1 rounded bg-purple-100 px-1.5 py-0.5 text-sm">Widerspruch</span>
            Einschätzung „{SITUATION_LABELS[evaluation.situation!]}“, obwohl nach den Zahlen{" "}
            {evaluation.contradiction === "SUFFICIENT_BUT_SHORT"
              ? describeShortfallInPlaces(shortfall)
              : `${places(-shortfall)} frei ${shortfall === -1 ? "ist" : "sind"}`}
            .
          </p>
        )}
        <p
          className={due.state === "overdue" || due.state === "none" ? "font-medium text-amber-900" : "text-slate-700"}
          data-testid="report-due"
        >
          {evaluation.reportingDate && <>Letzte Meldung vom {formatDay(evaluation.reportingDate)}. </>}
          <DueSentence reportingDate={evaluation.reportingDate} today={props.today} intervalDays={props.intervalDays} />
        </p>
      </div>
      {reporting && (
        <div className="flex flex-col gap-3 sm:items-end">
          <Link href={`/kommunen/${evaluation.slug}/meldung`} className={buttonClass("primary")}>
            Meldung abgeben
          </Link>
          {reporting.latestSavedId &&
            evaluation.reportingDate &&
            evaluation.reportingDate < props.today &&
            (reporting.pendingWarnings.length ? (
              <p className="max-w-xs text-sm text-slate-700" data-testid="unchanged-blocked">
                „Unverändert melden“ ist möglich, sobald{" "}
                {reporting.pendingWarnings.length === 1 ? "der Hinweis" : `die ${reporting.pendingWarnings.length} Hinweise`} zur
                Plausibilität der bisherigen Zahlen einmal im Formular bestätigt {reporting.pendingWarnings.length === 1 ? "ist" : "sind"}.
              </p>
            ) : (
              <UnchangedReportButton
                slug={evaluation.slug}
                baseReportId={reporting.latestSavedId}
                figuresOf={evaluation.reportingDate}
                returnTo={props.returnTo}
              />
            ))}
        </div>
      )}
    </section>
  );
}
