"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { confirmUnchangedAction, type ReportFormResult } from "@/lib/capacity/actions";
import { formatDateTime, formatDay } from "@/lib/dates";
import { IDLE, type FormState } from "@/lib/forms";

/** One click when nothing has changed: today's report with the figures the page shows. */
export function UnchangedReportButton(props: {
  slug: string;
  baseReportId: string;
  /** Reporting date of the figures being confirmed. */
  figuresOf: string;
  returnTo: "uebersicht" | "kommune";
}) {
  const [state, action] = useActionState(confirmUnchangedAction.bind(null, props.slug), IDLE as FormState<ReportFormResult>);
  const newer = state.result?.conflict;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="baseReportId" value={props.baseReportId} />
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <SubmitButton variant="secondary" pendingLabel="Wird gemeldet …" aria-describedby={`unchanged-hint-${props.slug}`}>
        Unverändert melden
      </SubmitButton>
      <p id={`unchanged-hint-${props.slug}`} className="text-sm text-slate-700">
        Meldet heute die Zahlen vom {formatDay(props.figuresOf)} noch einmal.
      </p>
      {state.status === "error" && (
        <Alert tone="error">
          {state.message}{" "}
          {newer && (
            <>
              (Meldung vom {formatDay(newer.reportingDate)}, gespeichert {formatDateTime(new Date(newer.createdAt))}
              {newer.authorName ? ` von ${newer.authorName}` : ""}.){" "}
            </>
          )}
          {state.result?.warnings ? (
            <Link href={`/kommunen/${props.slug}/meldung`} className="underline">
              Zum Meldeformular
            </Link>
          ) : (
            <Link href={props.returnTo === "uebersicht" ? "/uebersicht" : `/kommunen/${props.slug}`} className="underline">
              Seite neu laden
            </Link>
          )}
        </Alert>
      )}
    </form>
  );
}
