"use client";
import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE, zodFieldErrors } from "@/lib/forms";
import { updateOutlookSettingsAction } from "@/lib/settings/actions";
import { outlookSettingsSchema, type OutlookSettingsInput } from "@/lib/settings/schema";

const FIELDS: { key: keyof OutlookSettingsInput; label: string; max: number; hint: string }[] = [
  {
    key: "outlookWindowWeeks",
    label: "Meldewochen für den Durchschnitt",
    max: 12,
    hint: "Über so viele Meldewochen wird der Durchschnitt neuer Zuweisungen je Woche gebildet (1 bis 12, Standard 4). Eine Kommune braucht Meldungen aus einer Woche mehr, sonst heißt es „zu wenige Meldungen für eine Prognose“.",
  },
  {
    key: "outlookWarningWeeks",
    label: "Warnschwelle in Wochen",
    max: 26,
    hint: "Reichen die jetzt freien Plätze einer Kommune kürzer, zeigt /lage den Hinweis „reicht nur ca. … Wochen“, auch wenn heute noch Plätze frei sind (1 bis 26, Standard 4).",
  },
];

/** The outlook's two settings; the same zod schema checks in the browser and on the server. */
export function OutlookSettingsForm({ settings }: { settings: OutlookSettingsInput }) {
  const [state, action] = useActionState(updateOutlookSettingsAction, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const result = outlookSettingsSchema.safeParse(Object.fromEntries(FIELDS.map((field) => [field.key, data.get(field.key)])));
    setClientErrors(result.success ? null : zodFieldErrors(result.error.issues));
    if (!result.success) event.preventDefault();
  }
  const errors = clientErrors ?? state.fieldErrors;
  return (
    <form action={action} onSubmit={onSubmit} className="flex max-w-md flex-col gap-4" noValidate>
      {clientErrors ? (
        <Alert tone="error">Bitte prüfen Sie die markierten Angaben.</Alert>
      ) : (
        state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>
      )}
      {!clientErrors && state.status === "success" && <Alert tone="success">{state.message}</Alert>}
      {FIELDS.map((field) => (
        <TextField
          key={field.key}
          id={field.key}
          name={field.key}
          type="number"
          min={1}
          max={field.max}
          label={field.label}
          hint={field.hint}
          defaultValue={state.values?.[field.key] ?? settings[field.key]}
          errors={errors?.[field.key]}
        />
      ))}
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Speichern</SubmitButton>
      </div>
    </form>
  );
}
