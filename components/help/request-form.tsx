"use client";
import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { IDLE, zodFieldErrors } from "@/lib/forms";
import { openHelpRequestAction } from "@/lib/help/actions";
import { ACCOMMODATION_LABELS, helpRequestInputFromForm, helpRequestSchema } from "@/lib/help/schema";

export interface RequestingMunicipality {
  id: string;
  name: string;
  /** Places missing now (the evaluation's Bedarf, with agreed help); 0 when none. */
  missing: number;
}

/**
 * A help request. The persons start at the chosen municipality's current Bedarf and follow the
 * choice until the user types a number of their own.
 */
export function HelpRequestForm({
  municipalities,
  defaultNeededBy,
}: {
  municipalities: RequestingMunicipality[];
  defaultNeededBy: string;
}) {
  const [state, action] = useActionState(openHelpRequestAction, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const initial = municipalities.find((m) => m.id === state.values?.municipalityId) ?? municipalities[0];
  const [municipalityId, setMunicipalityId] = useState(initial?.id ?? "");
  const [persons, setPersons] = useState(state.values?.persons ?? (initial && initial.missing > 0 ? String(initial.missing) : ""));
  const [personsTyped, setPersonsTyped] = useState(Boolean(state.values?.persons));
  const selected = municipalities.find((m) => m.id === municipalityId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const result = helpRequestSchema.safeParse(helpRequestInputFromForm(new FormData(event.currentTarget)));
    setClientErrors(result.success ? null : zodFieldErrors(result.error.issues));
    if (!result.success) event.preventDefault();
  }
  const errors = clientErrors ?? state.fieldErrors;
  const value = (key: string, fallback = "") => state.values?.[key] ?? fallback;

  return (
    <form action={action} onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4" noValidate>
      {clientErrors ? (
        <Alert tone="error">Bitte prüfen Sie die markierten Angaben.</Alert>
      ) : (
        state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>
      )}
      <SelectField
        id="municipalityId"
        name="municipalityId"
        label="Anfragende Kommune"
        value={municipalityId}
        onChange={(event) => {
          const next = municipalities.find((m) => m.id === event.target.value);
          setMunicipalityId(event.target.value);
          if (!personsTyped) setPersons(next && next.missing > 0 ? String(next.missing) : "");
        }}
        errors={errors?.municipalityId}
      >
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
            {m.missing > 0 ? ` (${m.missing.toLocaleString("de-DE")} fehlen)` : ""}
          </option>
        ))}
      </SelectField>
      <TextField
        id="persons"
        name="persons"
        inputMode="numeric"
        label="Personen, die untergebracht werden müssen"
        hint={
          selected && selected.missing > 0
            ? `Vorbelegt mit dem aktuellen Bedarf: ${selected.missing.toLocaleString("de-DE")} Plätze fehlen.`
            : "Laut aktueller Lage fehlen dieser Kommune keine Plätze."
        }
        value={persons}
        onChange={(event) => {
          setPersons(event.target.value);
          setPersonsTyped(true);
        }}
        errors={errors?.persons}
      />
      <TextField
        id="composition"
        name="composition"
        label="Zusammensetzung in Worten"
        hint="Zum Beispiel „2 Familien, 3 Einzelpersonen“. Bitte keine Namen."
        defaultValue={value("composition")}
        maxLength={200}
        errors={errors?.composition}
      />
      <TextField
        id="neededBy"
        name="neededBy"
        type="date"
        label="Benötigt bis"
        defaultValue={value("neededBy", defaultNeededBy)}
        errors={errors?.neededBy}
      />
      <SelectField
        id="accommodation"
        name="accommodation"
        label="Art der Unterbringung"
        defaultValue={value("accommodation", "EITHER")}
        errors={errors?.accommodation}
      >
        {(Object.keys(ACCOMMODATION_LABELS) as (keyof typeof ACCOMMODATION_LABELS)[]).map((key) => (
          <option key={key} value={key}>
            {ACCOMMODATION_LABELS[key]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="comment"
        name="comment"
        label="Kommentar (optional)"
        rows={3}
        maxLength={1000}
        defaultValue={value("comment")}
        errors={errors?.comment}
      />
      <div>
        <SubmitButton pendingLabel="Wird gestellt …">Anfrage stellen</SubmitButton>
      </div>
    </form>
  );
}
