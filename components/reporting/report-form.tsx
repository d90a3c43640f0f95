"use client";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ShortfallValue } from "@/components/evaluation/figure-value";
import { submitReportAction, type ReportFormResult } from "@/lib/capacity/actions";
import { shortfallOf } from "@/lib/capacity/evaluation";
import { FIGURE_KEYS, FIGURE_LABELS, MAY_BE_NEGATIVE, type FigureKey, type Figures, type Situation } from "@/lib/capacity/figures";
import { plausibilityWarnings, unconfirmedWarnings, type PlausibilityWarning } from "@/lib/capacity/plausibility";
import { reportInputSchema } from "@/lib/capacity/report-schema";
import { IDLE, zodFieldErrors, type FormState } from "@/lib/forms";
import { ConflictPanel } from "./conflict-panel";
import { WarningsPanel } from "./warnings-panel";

const GROUPS: { legend: string; keys: FigureKey[] }[] = [
  { legend: "Zuweisungen und Quote", keys: ["allocations", "arrivals", "notCredited", "possiblyCredited", "quotaOutstanding"] },
  { legend: "Untergebracht", keys: ["housedShared", "housedDecentral"] },
  { legend: "Jetzt verfügbare Plätze", keys: ["availableShared", "availableDecentral"] },
  { legend: "Plätze in Aussicht", keys: ["prospectiveShared", "prospectiveDecentral"] },
];

type Values = Record<FigureKey | "reportingDate" | "situation" | "comment", string>;

function toFigures(values: Values): Figures {
  return Object.fromEntries(
    FIGURE_KEYS.map((key) => {
      const text = values[key].trim();
      const number = Number(text);
      return [key, text === "" || !Number.isInteger(number) ? null : number];
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
  prefill: { figures: Figures; situation: Situation | null } | null;
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
  // After a conflict the clerk has seen the newer report; saving again builds on it.
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // In an effect on purpose: React resets the form after the action returns, and this render
    // after the reset puts the controlled inputs (the rating's radio buttons) back in place.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEditedSinceSubmit(false);
    if (state.result?.conflict) setBase(state.result.conflict.id);
    // The answer appears above the form; bring it into view (the button is far below).
    if (state.status === "error") messageRef.current?.focus();
  }, [state]);

  const figures = useMemo(() => toFigures(values), [values]);
  const situation = (values.situation || null) as Situation | null;
  const warnings = mergeWarnings(
    plausibilityWarnings({ figures, situation }, props.prefill?.figures ?? null),
    editedSinceSubmit ? [] : (state.result?.warnings ?? []),
  );
  const errors = { ...state.fieldErrors, ...clientErrors };
  const set = (key: keyof Values) => (event: { target: { value: string } }) => {
    setEditedSinceSubmit(true);
    setValues((current) => ({ ...current, [key]: event.target.value }));
  };

  function validate(event: React.FormEvent<HTMLFormElement>) {
    const parsed = reportInputSchema.safeParse({ ...values, situation: values.situation, confirmedWarnings: confirmed, warningNote: note });
    const found: Record<string, string[]> = parsed.success ? {} : zodFieldErrors(parsed.error.issues);
    if (values.reportingDate > props.today) found.reportingDate = ["Das Meldedatum darf nicht in der Zukunft liegen."];
    if (unconfirmedWarnings(warnings, confirmed).length) found.warningNote = ["Bitte bestätigen Sie jeden Hinweis."];
    else if (warnings.length && !note.trim()) found.warningNote = ["Bitte begründen Sie die Angaben kurz."];
    setClientErrors(found);
    if (Object.keys(found).length) {
      event.preventDefault();
      const first = Object.keys(found)[0];
      document.getElementById(first === "situation" ? "situation-SUFFICIENT" : first === "warningNote" ? "warningNote" : first!)?.focus();
    }
  }

  const { shortfall } = shortfallOf(figures);
  return (
    <form action={action} onSubmit={validate} noValidate className="flex flex-col gap-6">
      <div ref={messageRef} tabIndex={-1} className="flex flex-col gap-4 outline-none">
        {state.message && <Alert tone="error">{state.message}</Alert>}
        {state.result?.conflict && (
          <ConflictPanel
            newer={state.result.conflict}
            mine={{ figures, situation, reportingDate: values.reportingDate }}
            onTakeOver={() => {
              const newer = state.result!.conflict!;
              setValues((current) => ({
                ...current,
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
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        {errors.reportingDate && (
          <p id="reportingDate-error" className="text-sm font-medium text-red-700">
            {errors.reportingDate.join(" ")}
          </p>
        )}
      </div>

      <p className="text-sm text-slate-700" id="figures-hint">
        Alle Angaben in Personen. Ein leeres Feld bedeutet „nicht gemeldet“ – das ist etwas anderes als 0.
      </p>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="rounded-lg bg-white p-4 shadow">
          <legend className="px-1 text-lg font-semibold">{group.legend}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {group.keys.map((key) => (
              <div key={key} className="flex flex-col gap-1">
                <label htmlFor={key} className="text-sm font-medium">
                  {FIGURE_LABELS[key]}
                  {MAY_BE_NEGATIVE.has(key) && <span className="font-normal"> (negativ, wenn übererfüllt)</span>}
                </label>
                <div className="flex items-center gap-2">
                  <input
                    id={key}
                    name={key}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={values[key]}
                    onChange={set(key)}
                    aria-invalid={errors[key] ? true : undefined}
                    aria-describedby={[errors[key] ? `${key}-error` : null, "figures-hint"].filter(Boolean).join(" ")}
                    className="w-32 rounded-md border border-slate-400 bg-white px-3 py-2 text-right tabular-nums"
                  />
                  {values[key].trim() === "" && (
                    <span
                      className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800"
                      data-testid={`${key}-not-reported`}
                    >
                      nicht gemeldet
                    </span>
                  )}
                </div>
                {errors[key] && (
                  <p id={`${key}-error`} className="text-sm font-medium text-red-700">
                    {errors[key].join(" ")}
                  </p>
                )}
              </div>
            ))}
          </div>
        </fieldset>
      ))}

      <fieldset className="rounded-lg bg-white p-4 shadow" aria-describedby={errors.situation ? "situation-error" : undefined}>
        <legend className="px-1 text-lg font-semibold">Einschätzung der Lage</legend>
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
                className="h-4 w-4"
              />
              {label}
            </label>
          ))}
        </div>
        {errors.situation && (
          <p id="situation-error" className="mt-2 text-sm font-medium text-red-700">
            {errors.situation.join(" ")}
          </p>
        )}
        <p className="mt-3" aria-live="polite">
          Bedarf nach Ihren Angaben: <ShortfallValue shortfall={shortfall} />
        </p>
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="comment" className="font-medium">
          Kommentar (optional)
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          value={values.comment}
          onChange={set("comment")}
          maxLength={2000}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={errors.comment ? "comment-error" : undefined}
          className="rounded-md border border-slate-400 bg-white px-3 py-2"
        />
        {errors.comment && (
          <p id="comment-error" className="text-sm font-medium text-red-700">
            {errors.comment.join(" ")}
          </p>
        )}
      </div>

      <WarningsPanel
        warnings={warnings}
        confirmed={confirmed}
        onConfirmedChange={setConfirmed}
        note={note}
        onNoteChange={setNote}
        noteError={errors.warningNote?.join(" ")}
      />

      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Meldung speichern</SubmitButton>
      </div>
    </form>
  );
}
