"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { endHelpPlacementAction } from "@/lib/help/actions";

/** Ends a running or agreed placement on a day (today by default). */
export function EndPlacementForm({ placementId, today, label }: { placementId: string; today: string; label: string }) {
  const [state, action] = useActionState(endHelpPlacementAction, IDLE);
  const id = `endedOn-${placementId}`;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="placementId" value={placementId} />
      <TextField
        id={id}
        name="endedOn"
        type="date"
        label={`Ende (${label})`}
        defaultValue={state.values?.endedOn ?? today}
        max={today}
        errors={state.fieldErrors?.endedOn}
      />
      <SubmitButton variant="secondary" className="px-3 py-2 text-sm" pendingLabel="…">
        Beenden
      </SubmitButton>
      {state.status === "error" && state.message && !state.fieldErrors?.endedOn && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
