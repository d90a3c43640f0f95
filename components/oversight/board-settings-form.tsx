"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { updateBoardSettingsAction } from "@/lib/offers/oversight-actions";
import type { BoardSettings } from "@/lib/offers/oversight-schema";
import { OFFER_DURATIONS } from "@/lib/offers/schema";

const NUMBER_FIELDS: { key: Exclude<keyof BoardSettings, "offerDefaultDays">; label: string; min: number; max: number; hint: string }[] = [
  {
    key: "offerMaxOpenPerEmail",
    label: "Offene Angebote je E-Mail-Adresse",
    min: 1,
    max: 50,
    hint: "Unbestätigte und veröffentlichte Angebote, die eine Adresse zugleich haben darf.",
  },
  {
    key: "offerSubmitsPerHour",
    label: "Neue Angebote je Stunde und Absender",
    min: 1,
    max: 1000,
    hint: "Schutz vor massenhaften Einträgen.",
  },
  {
    key: "offerContactsPerHour",
    label: "Nachrichten an Anbietende je Stunde und Absender",
    min: 1,
    max: 1000,
    hint: "Schutz der Anbietenden vor Spam.",
  },
  {
    key: "offerRetentionDays",
    label: "Aufbewahrung der Kontaktdaten in Tagen",
    min: 1,
    max: 365,
    hint: "So lange nach dem Ende eines Angebots bleiben E-Mail-Adresse, Telefon und Nachrichten gespeichert; danach werden sie gelöscht.",
  },
];

export function BoardSettingsForm({ settings }: { settings: Record<keyof BoardSettings, number> }) {
  const [state, action] = useActionState(updateBoardSettingsAction, IDLE);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
      <SelectField
        id="offerDefaultDays"
        name="offerDefaultDays"
        label="Vorgeschlagene Anzeigedauer"
        hint="Im Formular vorausgewählt; Anbietende können 3, 7, 14 oder 30 Tage wählen."
        defaultValue={state.values?.offerDefaultDays ?? String(settings.offerDefaultDays)}
        errors={state.fieldErrors?.offerDefaultDays}
      >
        {OFFER_DURATIONS.map((days) => (
          <option key={days} value={days}>
            {days} Tage
          </option>
        ))}
      </SelectField>
      {NUMBER_FIELDS.map((field) => (
        <TextField
          key={field.key}
          id={field.key}
          name={field.key}
          type="number"
          min={field.min}
          max={field.max}
          label={field.label}
          hint={field.hint}
          defaultValue={state.values?.[field.key] ?? settings[field.key]}
          errors={state.fieldErrors?.[field.key]}
        />
      ))}
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Speichern</SubmitButton>
      </div>
    </form>
  );
}
