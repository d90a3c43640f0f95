"use client";
import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { IDLE, zodFieldErrors, type FormState } from "@/lib/forms";
import { makeHelpOfferAction, type OfferFormResult } from "@/lib/help/actions";
import { helpOfferInputFromForm, helpOfferSchema } from "@/lib/help/schema";
import { parseWholeNumber } from "@/lib/validation";

export interface OfferingMunicipality {
  id: string;
  name: string;
  /** Places beyond its own need, as /lage counts them today. */
  freePlaces: number;
}

const INITIAL: FormState<OfferFormResult> = IDLE;

/**
 * Places offered for a request. More than the municipality's reported free places is a
 * plausibility warning that needs a confirmation, not a stop: the report may be older than the offer.
 */
export function HelpOfferForm({
  requestId,
  municipalities,
  remaining,
  today,
}: {
  requestId: string;
  municipalities: OfferingMunicipality[];
  remaining: number;
  today: string;
}) {
  const [state, action] = useActionState(makeHelpOfferAction, INITIAL);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [municipalityId, setMunicipalityId] = useState(state.values?.municipalityId ?? municipalities[0]?.id ?? "");
  const [persons, setPersons] = useState(
    state.values?.persons ?? String(Math.max(1, Math.min(remaining, municipalities[0]?.freePlaces || remaining))),
  );
  const [duration, setDuration] = useState(state.values?.duration ?? "TEMPORARY");
  const [confirmed, setConfirmed] = useState(false);
  const municipality = municipalities.find((m) => m.id === municipalityId);
  const personsNumber = parseWholeNumber(persons);
  const exceeds = municipality !== undefined && typeof personsNumber === "number" && personsNumber > municipality.freePlaces;
  const [warningShown, setWarningShown] = useState(false);
  const showWarning = exceeds && (warningShown || state.result !== undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const result = helpOfferSchema.safeParse(helpOfferInputFromForm(new FormData(event.currentTarget)));
    setClientErrors(result.success ? null : zodFieldErrors(result.error.issues));
    if (!result.success) return event.preventDefault();
    if (exceeds && !confirmed) {
      setWarningShown(true);
      event.preventDefault();
    }
  }
  const errors = clientErrors ?? state.fieldErrors;
  const value = (key: string, fallback = "") => state.values?.[key] ?? fallback;
  const success = state.status === "success" && !clientErrors;

  return (
    <form action={action} onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4" noValidate aria-label="Plätze anbieten">
      <input type="hidden" name="requestId" value={requestId} />
      {clientErrors ? (
        <Alert tone="error">Bitte prüfen Sie die markierten Angaben.</Alert>
      ) : (
        state.status === "error" && state.message && state.result === undefined && <Alert tone="error">{state.message}</Alert>
      )}
      {success && <Alert tone="success">{state.message}</Alert>}
      {municipalities.length === 1 ? (
        <>
          <input type="hidden" name="municipalityId" value={municipalities[0]!.id} />
          <p className="text-sm">
            Angebot von <strong>{municipalities[0]!.name}</strong> (laut Lage {municipalities[0]!.freePlaces.toLocaleString("de-DE")} Plätze
            frei)
          </p>
        </>
      ) : (
        <SelectField
          id="offer-municipalityId"
          name="municipalityId"
          label="Anbietende Kommune"
          value={municipalityId}
          onChange={(event) => setMunicipalityId(event.target.value)}
          errors={errors?.municipalityId}
        >
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.freePlaces.toLocaleString("de-DE")} frei)
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        id="offer-persons"
        name="persons"
        inputMode="numeric"
        label="Plätze für Personen"
        value={persons}
        onChange={(event) => setPersons(event.target.value)}
        errors={errors?.persons}
      />
      <SelectField
        id="offer-accommodation"
        name="accommodation"
        label="Art der Unterbringung"
        defaultValue={value("accommodation", "SHARED")}
        errors={errors?.accommodation}
      >
        <option value="SHARED">Gemeinschaftsunterkunft</option>
        <option value="DECENTRAL">dezentral (Wohnung)</option>
      </SelectField>
      <TextField
        id="offer-availableFrom"
        name="availableFrom"
        type="date"
        label="Ab wann"
        defaultValue={value("availableFrom", today)}
        errors={errors?.availableFrom}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">Für wie lange</legend>
        {[
          ["TEMPORARY", "vorübergehend"],
          ["PERMANENT", "dauerhaft"],
        ].map(([key, label]) => (
          <label key={key} className="flex items-center gap-2">
            <input type="radio" name="duration" value={key} checked={duration === key} onChange={() => setDuration(key!)} />
            {label}
          </label>
        ))}
      </fieldset>
      {duration === "TEMPORARY" && (
        <TextField
          id="offer-availableUntil"
          name="availableUntil"
          type="date"
          label="Bis (erster Tag ohne Platz)"
          defaultValue={value("availableUntil")}
          errors={errors?.availableUntil}
        />
      )}
      <TextAreaField
        id="offer-comment"
        name="comment"
        label="Kommentar (optional)"
        rows={2}
        maxLength={1000}
        defaultValue={value("comment")}
        errors={errors?.comment}
      />
      {showWarning && municipality && (
        <Alert tone="warning" title="Mehr als die gemeldeten freien Plätze">
          <p>
            {municipality.name} hat laut Lage {municipality.freePlaces.toLocaleString("de-DE")} Plätze frei, angeboten sind{" "}
            {personsNumber?.toLocaleString("de-DE")}. Wenn die letzte Meldung veraltet ist, bestätigen Sie das Angebot bitte.
          </p>
          <label className="mt-2 flex items-center gap-2">
            <input
              type="checkbox"
              name="confirmExceedsFreePlaces"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            Ich bestätige: Die Plätze stehen zur Verfügung.
          </label>
        </Alert>
      )}
      <div>
        <SubmitButton pendingLabel="Wird eingetragen …">Plätze anbieten</SubmitButton>
      </div>
    </form>
  );
}
