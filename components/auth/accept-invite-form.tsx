"use client";
import { useActionState } from "react";
import { acceptInviteAction } from "@/lib/users/actions";
import { IDLE } from "@/lib/forms";
import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { SubmitButton } from "@/components/ui/button";

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInviteAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields repeatLabel="Passwort wiederholen" errors={state.fieldErrors} />
      <SubmitButton pendingLabel="Wird gespeichert …">Passwort festlegen</SubmitButton>
    </form>
  );
}
