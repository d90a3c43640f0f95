"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/forms";
import { markAdviceDoneAction } from "@/lib/offers/oversight-actions";

export function AdviceDoneForm({ offerId, offerLabel }: { offerId: string; offerLabel: string }) {
  const [state, action] = useActionState(markAdviceDoneAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="offerId" value={offerId} />
      <div>
        <SubmitButton variant="secondary" className="px-3 py-1 text-sm" aria-label={`Beratung zu ${offerLabel} erledigt`}>
          Erledigt
        </SubmitButton>
      </div>
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
    </form>
  );
}
