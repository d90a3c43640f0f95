"use client";
import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { recordBoardPlacementAction } from "@/lib/board-placements/actions";
import { boardPlacementInputFromForm, boardPlacementSchema, MAX_HOUSEHOLD_SIZE } from "@/lib/board-placements/schema";
import { persons } from "@/lib/format";
import { IDLE, zodFieldErrors } from "@/lib/forms";

/**
 * "Vermittlung erfassen" for one offer of the staff list: the household's size and the day, no
 * names. Folded away like the other actions of the row; an offer may lead to several placements.
 */
export function RecordPlacementForm({
  offerId,
  offerLabel,
  today,
  recorded,
}: {
  offerId: string;
  offerLabel: string;
  today: string;
  recorded?: { placements: number; persons: number };
}) {
  const [state, formAction] = useActionState(recordBoardPlacementAction, IDLE);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const result = boardPlacementSchema(today).safeParse(boardPlacementInputFromForm(new FormData(event.currentTarget)));
    setClientErrors(result.success ? null : zodFieldErrors(result.error.issues));
    if (!result.success) event.preventDefault();
  }
  const errors = clientErrors ?? (state.status === "error" ? state.fieldErrors : undefined);
  const value = (key: string, fallback: string) => (state.status === "error" ? (state.values?.[key] ?? fallback) : fallback);

  return (
    <div className="flex flex-col gap-1">
      {recorded && recorded.placements > 0 && (
        <p className="text-sm text-slate-700" data-testid="recorded-placements">
          Erfasst: {recorded.placements === 1 ? "1 Vermittlung" : `${recorded.placements} Vermittlungen`} ({persons(recorded.persons)})
        </p>
      )}
      <details className="rounded-md border border-slate-300 px-2 py-1">
        <summary className="cursor-pointer text-sm font-medium" aria-label={`Vermittlung erfassen: ${offerLabel}`}>
          Vermittlung erfassen
        </summary>
        <form action={formAction} onSubmit={onSubmit} className="mt-2 flex flex-col gap-2" noValidate>
          <input type="hidden" name="offerId" value={offerId} />
          <TextField
            id={`householdSize-${offerId}`}
            name="householdSize"
            inputMode="numeric"
            label="Personen im Haushalt"
            hint={`Nur die Zahl (1 bis ${MAX_HOUSEHOLD_SIZE}), keine Namen.`}
            required
            maxLength={2}
            className="w-24 text-sm"
            defaultValue={value("householdSize", "")}
            errors={errors?.householdSize}
          />
          <TextField
            id={`placedOn-${offerId}`}
            name="placedOn"
            type="date"
            label="Vermittelt am"
            required
            min="2000-01-01"
            max={today}
            className="text-sm"
            defaultValue={value("placedOn", today)}
            errors={errors?.placedOn}
          />
          <div>
            <SubmitButton variant="secondary" className="px-3 py-1 text-sm" pendingLabel="Wird gespeichert …">
              Vermittlung speichern
            </SubmitButton>
          </div>
          {clientErrors ? (
            <Alert tone="error">Bitte prüfen Sie die markierten Angaben.</Alert>
          ) : (
            state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>
          )}
          {!clientErrors && state.status === "success" && <Alert tone="success">{state.message}</Alert>}
        </form>
      </details>
    </div>
  );
}
