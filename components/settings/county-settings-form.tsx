"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { updateCountySettingsAction } from "@/lib/settings/actions";

export function CountySettingsForm({ reportingIntervalDays }: { reportingIntervalDays: number }) {
  const [state, action] = useActionState(updateCountySettingsAction, IDLE);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
      <TextField
        id="reportingIntervalDays"
        name="reportingIntervalDays"
        type="number"
        min={1}
        max={90}
        label="Meldeintervall in Tagen"
        hint="Ältere Meldungen gelten als veraltet; die Kommune wird dann per E-Mail erinnert (höchstens einmal je Intervall)."
        defaultValue={state.values?.reportingIntervalDays ?? reportingIntervalDays}
        errors={state.fieldErrors?.reportingIntervalDays}
      />
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Speichern</SubmitButton>
      </div>
    </form>
  );
}
