"use client";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { saveRentCeilingsAction } from "@/lib/offers/rent-ceiling-actions";
import { CEILING_SIZES } from "@/lib/offers/rent-ceilings";

export interface MunicipalityCeilings {
  id: string;
  name: string;
  /** Household size → euros. */
  ceilings: Record<number, number>;
}

/** One municipality's ceilings, with the option to apply them to the whole county. */
export function RentCeilingForm({ municipalities }: { municipalities: MunicipalityCeilings[] }) {
  const [state, action] = useActionState(saveRentCeilingsAction, IDLE);
  const [municipalityId, setMunicipalityId] = useState(state.values?.municipalityId ?? municipalities[0]?.id ?? "");
  const selected = municipalities.find((m) => m.id === municipalityId);
  return (
    <form action={action} className="flex flex-col gap-4" key={municipalityId}>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
      <div className="max-w-sm">
        <SelectField
          id="municipalityId"
          name="municipalityId"
          label="Kommune"
          value={municipalityId}
          onChange={(event) => setMunicipalityId(event.target.value)}
        >
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-medium text-slate-800">Angemessene Warmmiete je Monat in Euro, nach Haushaltsgröße</legend>
        {CEILING_SIZES.map((size) => {
          const key = `size${size}`;
          const stored = selected?.ceilings[size];
          return (
            <TextField
              key={key}
              id={key}
              name={key}
              inputMode="numeric"
              label={size === CEILING_SIZES.at(-1) ? `${size} und mehr Personen` : size === 1 ? "1 Person" : `${size} Personen`}
              defaultValue={
                state.values?.municipalityId === municipalityId ? (state.values?.[key] ?? "") : stored !== undefined ? String(stored) : ""
              }
              errors={state.fieldErrors?.[key]}
            />
          );
        })}
      </fieldset>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="applyToAll" />
        Für alle Kommunen des Landkreises übernehmen
      </label>
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Speichern</SubmitButton>
      </div>
    </form>
  );
}
