"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { updateMunicipalityMailboxAction } from "@/lib/offers/oversight-actions";

/** One municipality's mailbox: it receives a copy of every mail about the municipality's offers. */
export function MailboxForm({ municipality }: { municipality: { id: string; name: string; mailboxEmail: string | null } }) {
  const [state, action] = useActionState(updateMunicipalityMailboxAction, IDLE);
  const id = `mailbox-${municipality.id}`;
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="municipalityId" value={municipality.id} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-72 flex-1">
          <TextField
            id={id}
            name="mailboxEmail"
            type="email"
            autoComplete="off"
            label={municipality.name}
            defaultValue={state.values?.mailboxEmail ?? municipality.mailboxEmail ?? ""}
            errors={state.fieldErrors?.mailboxEmail}
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Wird gespeichert …" aria-label={`Postfach von ${municipality.name} speichern`}>
          Speichern
        </SubmitButton>
      </div>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
