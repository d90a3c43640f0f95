"use client";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary, type SummaryItem } from "@/components/ui/error-summary";
import { ShortfallValue } from "@/components/evaluation/figure-value";
import { submitReportAction, type ReportFormResult } from "@/lib/capacity/actions";
import { shortfallOf } from "@/lib/capacity/evaluation";
import { FIGURE_KEYS, type FigureKey, type Figures, type Situation } from "@/lib/capacity/figures";
import { plausibilityWarnings, splitRepeatedWarnings, unconfirmedWarnings, type PlausibilityWarning } from "@/lib/capacity/plausibility";
import { reportInputSchema } from "@/lib/capacity/report-schema";
import { IDLE, zodFieldErrors, type FormState } from "@/lib/forms";
import { parseWholeNumber } from "@/lib/validation";
import { ConflictPanel } from "./conflict-panel";
import { FigureInput } from "./figure-input";
import { warningCheckboxId, WarningsPanel } from "./warnings-panel";

const GROUPS: { legend: string; keys: FigureKey[] }[] = [
  { legend: "Zuweisungen und Quote", keys: ["allocations", "arrivals", "notCredited", "possiblyCredited", "quotaOutstanding"] },
  { legend: "Untergebracht", keys: ["housedShared", "housedDecentral"] },
  { legend: "Jetzt verfügbare Plätze", keys: ["availableShared", "availableDecentral"] },
  { legend: "Plätze in Aussicht", keys: ["prospectiveShared", "prospectiveDecentral"] },
];

/** The summary lists problems in the order of the form. */
const FIELD_ORDER = ["reportingDate", ...FIGURE_KEYS, "situation", "comment", "confirmedWarnings", "warningNote"];

type Values = Record<FigureKey | "reportingDate" | "situation" | "comment", string>;

function toFigures(values: Values): Figures {
  return Object.fromEntries(
    FIGURE_KEYS.map((key) => {
      const number = parseWholeNumber(values[key]);
      return [key, number === null || !Number.isInteger(number) ? null : number];
    }),
  ) as Figures;
}

function mergeWarnings(...lists: PlausibilityWarning[][]): PlausibilityWarning[] {
  const byCode = new Map<string, PlausibilityWarning>();
  for (const warning of lists.flat()) byCode.set(warning.code, warning);
  return [...byCode.values()];
}

export function ReportForm(props: {
  slug: string;
  today: string;
  baseReportId: string | null;
  prefill: { figures: Figures; situation: Situation | null; confirmedWarnings: string[] } | null;
}) {
  const [state, action] = useActionState(submitReportAction.bind(null, props.slug), IDLE as FormState<ReportFormResult>);
  const [values, setValues] = useState<Values>(() => ({
    ...(Object.fromEntries(FIGURE_KEYS.map((key) => [key, props.prefill?.figures[key]?.toString() ?? ""])) as Record<FigureKey, string>),
    reportingDate: props.today,
    situation: props.prefill?.situation ?? "",
    comment: "",
  }));
  const [base, setBase] = useState(props.baseReportId);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  // Server warnings belong to the values submitted; an edit makes them stale.
  const [editedSinceSubmit, setEditedSinceSubmit] = useState(false);
  // Where focus goes once the answer is on screen (a counter, so the same target focuses again).
  const [focusRequest, setFocusRequest] = useState<{ target: string; count: number } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const figures = useMemo(() => toFigures(values), [values]);
  const situation = (values.situation || null) as Situation | null;
  const current = { figures, situation };
  // The same rules as the server, including the one that does not repeat a confirmed warning.
  const warnings = mergeWarnings(
    splitRepeatedWarnings(plausibilityWarnings(current, props.prefill?.figures ?? null), current, props.prefill).raised,
    editedSinceSubmit ? [] : (state.result?.warnings ?? []),
  );
  const errors: Record<string, string[]> = { ...state.fieldErrors, ...clientErrors };
  const firstUnconfirmed = unconfirmedWarnings(warnings, confirmed)[0];
  const summary: SummaryItem[] = FIELD_ORDER.filter((key) => errors[key]?.length).map((key) => ({
    target:
      key === "situation"
        ? "situation-SUFFICIENT"
        : key === "confirmedWarnings"
          ? warningCheckboxId(firstUnconfirmed?.code ?? warnings[0]?.code ?? "")
          : key,
    message: errors[key]!.join(" "),
  }));

  useEffect(() => {
    // In an effect on purpose: React resets the form after the action returns, and this render
    // after the reset puts the controlled inputs (the rating's radio buttons) back in place.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEditedSinceSubmit(false);
    setClientErrors({});
    if (state.result?.conflict) setBase(state.result.conflict.id);
    if (state.status !== "error") return;
    // After a warnings answer the next step is ticking the first box, not the explanation.
    const target = state.result?.warnings?.length
      ? warningCheckboxId(state.result.warnings[0]!.code)
      : state.fieldErrors
        ? "summary"
        : "message";
    setFocusRequest((previous) => ({ target, count: (previous?.count ?? 0) + 1 }));
  }, [state]);

  useEffect(() => {
    if (!focusRequest) return;
    const element =
      focusRequest.target === "summary"
        ? summaryRef.current
        : focusRequest.target === "message"
          ? messageRef.current
          : document.getElementById(focusRequest.target);
    element?.focus();
  }, [focusRequest]);

  const set = (key: keyof Values) => (event: { target: { value: string } }) => {
    setEditedSinceSubmit(true);
    setValues((currentValues) => ({ ...currentValues, [key]: event.target.value }));
  };

  function validate(event: React.FormEvent<HTMLFormElement>) {
    const parsed = reportInputSchema.safeParse({ ...values, situation: values.situation, confirmedWarnings: confirmed, warningNote: note });
    const found: Record<string, string[]> = parsed.success ? {} : zodFieldErrors(parsed.error.issues);
    if (values.reportingDate > props.today) found.reportingDate = ["Das Meldedatum darf nicht in der Zukunft liegen."];
    const open = unconfirmedWarnings(warnings, confirmed);
    if (open.length) found.confirmedWarnings = ["Bitte bestätigen Sie jeden Hinweis zur Plausibilität."];
    if (warnings.length && !note.trim()) found.warningNote = ["Bitte begründen Sie die Angaben zu den Hinweisen kurz."];
    setClientErrors(found);
    if (!Object.keys(found).length) return;
    event.preventDefault();
    const onlyWarnings = Object.keys(found).every((key) => key === "confirmedWarnings" || key === "warningNote");
    const target = onlyWarnings ? (open[0] ? warningCheckboxId(open[0].code) : "warningNote") : "summary";
    setFocusRequest((previous) => ({ target, count: (previous?.count ?? 0) + 1 }));
  }

  const { shortfall } = shortfallOf(figures);
  return (
    <form action={action} onSubmit={validate} noValidate className="flex flex-col gap-6">
      <ErrorSummary ref={summaryRef} items={summary} />
      <div ref={messageRef} tabIndex={-1} className="flex flex-col gap-4 outline-none">
        {state.message && !summary.length && <Alert tone="error">{state.message}</Alert>}
        {state.result?.conflict && (
          <ConflictPanel
            newer={state.result.conflict}
            mine={{ figures, situation, reportingDate: values.reportingDate }}
            onTakeOver={() => {
              const newer = state.result!.conflict!;
              setValues((currentValues) => ({
                ...currentValues,
                ...(Object.fromEntries(FIGURE_KEYS.map((key) => [key, newer.figures[key]?.toString() ?? ""])) as Record<FigureKey, string>),
                situation: newer.situation ?? "",
              }));
            }}
          />
        )}
      </div>
      <input type="hidden" name="baseReportId" value={base ?? ""} />

      <div className="flex max-w-xs flex-col gap-1">
        <label htmlFor="reportingDate" className="font-medium">
          Meldedatum
        </label>
        {errors.reportingDate && (
          <p id="reportingDate-error" className="text-sm font-medium text-red-700">
            {errors.reportingDate.join(" ")}
          </p>
        )}
        <input
          id="reportingDate"
          name="reportingDate"
          type="date"
          required
          max={props.today}
          value={values.reportingDate}
          onChange={set("reportingDate")}
          aria-invalid={errors.reportingDate ? true : undefined}
          aria-describedby={errors.reportingDate ? "reportingDate-error" : undefined}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
        />
      </div>

      <p className="text-sm text-slate-700" id="figures-hint">
        Alle Angaben in Personen, als ganze Zahl (auch mit Tausenderpunkt, etwa 1.200). Ein leeres Feld bedeutet „nicht gemeldet“ – das ist
        etwas anderes als 0.
      </p>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="rounded-lg bg-white p-4 shadow">
          <legend className="px-1 text-lg font-semibold">{group.legend}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {group.keys.map((key) => (
              <FigureInput key={key} figure={key} value={values[key]} errors={errors[key]} onChange={set(key)} />
            ))}
          </div>
        </fieldset>
      ))}

      <fieldset className="rounded-lg bg-white p-4 shadow" aria-describedby={errors.situation ? "situation-error" : undefined}>
        <legend className="px-1 text-lg font-semibold">Einschätzung der Lage</legend>
        {errors.situation && (
          <p id="situation-error" className="mb-2 text-sm font-medium text-red-700">
            {errors.situation.join(" ")}
          </p>
        )}
        <div className="flex flex-wrap gap-6">
          {[
            ["SUFFICIENT", "ausreichend"],
            ["CRITICAL", "kritisch"],
            ["", "keine Angabe"],
          ].map(([value, label]) => (
            <label key={label} className="flex items-center gap-2">
              <input
                type="radio"
                id={`situation-${value || "none"}`}
                name="situation"
                value={value}
                checked={values.situation === value}
                onChange={set("situation")}
                className="h-5 w-5 shrink-0"
              />
              {label}
            </label>
          ))}
        </div>
        <p className="mt-3" aria-live="polite">
          Bedarf nach Ihren Angaben: <ShortfallValue shortfall={shortfall} />
        </p>
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="comment" className="font-medium">
          Kommentar (optional)
        </label>
        {errors.comment && (
          <p id="comment-error" className="text-sm font-medium text-red-700">
            {errors.comment.join(" ")}
          </p>
        )}
        <textarea
          id="comment"
          name="comment"
          rows={3}
          value={values.comment}
          onChange={set("comment")}
          maxLength={2000}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={errors.comment ? "comment-error" : undefined}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
        />
      </div>

      <WarningsPanel
        warnings={warnings}
        confirmed={confirmed}
        onConfirmedChange={setConfirmed}
        note={note}
        onNoteChange={setNote}
        confirmError={errors.confirmedWarnings?.join(" ")}
        noteError={errors.warningNote?.join(" ")}
      />

      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Meldung speichern</SubmitButton>
      </div>
    </form>
  );
}
