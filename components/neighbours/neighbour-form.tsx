"use client";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { IDLE } from "@/lib/forms";
import { saveNeighboursAction } from "@/lib/neighbours/actions";
import { minutesField, neighbourFieldErrors, neighbourInputFromForm, neighboursSchema } from "@/lib/neighbours/schema";

export interface NeighbourCandidate {
  id: string;
  name: string;
  checked: boolean;
  minutes: string;
}

/**
 * One municipality's neighbours: a box per other municipality of the county, each with an
 * optional travel time. Checked in the browser with the server's schema before sending.
 */
export function NeighbourForm({
  municipality,
  candidates,
}: {
  municipality: { id: string; name: string };
  candidates: NeighbourCandidate[];
}) {
  const [state, action] = useActionState(saveNeighboursAction, IDLE);
  const [rows, setRows] = useState(() => new Map(candidates.map((candidate) => [candidate.id, candidate])));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = clientErrors ?? (state.status === "error" ? (state.fieldErrors ?? {}) : {});
  const nameOf = (id: string) => rows.get(id)?.name ?? id;
  const summary = Object.entries(errors)
    .filter(([key]) => key !== "form")
    .map(([key, messages]) => ({ target: key, message: `${nameOf(key.replace(/^minutes-/, ""))}: ${messages.join(" ")}` }));

  useEffect(() => {
    // React resets the form after the action returns; a render after the reset puts the
    // controlled boxes and times back in place.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRows((current) => new Map(current));
  }, [state]);

  useEffect(() => {
    if (summary.length) summaryRef.current?.focus();
    // Only when a new answer or check arrives, not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, clientErrors]);

  function update(id: string, change: Partial<NeighbourCandidate>) {
    setRows((current) => new Map(current).set(id, { ...current.get(id)!, ...change }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const input = neighbourInputFromForm(new FormData(event.currentTarget));
    const parsed = neighboursSchema.safeParse(input);
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(neighbourFieldErrors(parsed.error.issues, input));
  }

  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="neighbour-form">
      <ErrorSummary items={summary} ref={summaryRef} />
      {errors.form && <Alert tone="error">{errors.form.join(" ")}</Alert>}
      {state.status === "error" && state.message && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && !clientErrors && <Alert tone="success">{state.message}</Alert>}
      <input type="hidden" name="municipalityId" value={municipality.id} />
      <fieldset>
        <legend className="mb-2 font-medium">Nachbarkommunen von {municipality.name}</legend>
        <ul className="grid gap-x-8 md:grid-cols-2 xl:grid-cols-3">
          {[...rows.values()].map((row) => {
            const field = minutesField(row.id);
            const fieldErrors = errors[field];
            return (
              <li key={row.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-200 py-2">
                <div className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    id={`neighbour-${row.id}`}
                    name="neighbour"
                    value={row.id}
                    checked={row.checked}
                    onChange={(event) => update(row.id, { checked: event.target.checked })}
                    className="h-5 w-5"
                  />
                  <label htmlFor={`neighbour-${row.id}`} className="font-medium">
                    {row.name}
                  </label>
                </div>
                <div className="flex flex-col gap-1">
                  <div className="flex items-center gap-2">
                    <label htmlFor={field} className="text-sm text-slate-700">
                      Fahrzeit <span className="sr-only">nach {row.name} in Minuten</span>
                    </label>
                    <input
                      id={field}
                      name={field}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={row.minutes}
                      disabled={!row.checked}
                      onChange={(event) => update(row.id, { minutes: event.target.value })}
                      aria-invalid={fieldErrors?.length ? true : undefined}
                      aria-describedby={fieldErrors?.length ? `${field}-error` : undefined}
                      className="w-20 rounded-md border border-slate-400 bg-white px-2 py-1 text-right disabled:bg-slate-100 aria-[invalid=true]:border-red-700"
                    />
                    <span className="text-sm text-slate-700" aria-hidden="true">
                      Min.
                    </span>
                  </div>
                  {fieldErrors?.length ? (
                    <p id={`${field}-error`} className="text-sm font-medium text-red-700">
                      {fieldErrors.join(" ")}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <p className="text-sm text-slate-700">
        Fahrzeit in Minuten mit dem Auto, freiwillig (1 bis 300). Eine Nachbarschaft gilt in beide Richtungen.
      </p>
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Nachbarn speichern</SubmitButton>
      </div>
    </form>
  );
}
