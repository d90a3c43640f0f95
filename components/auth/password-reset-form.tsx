"use client";
import { useActionState } from "react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/forms";
import { resetPasswordAction } from "@/lib/users/password-reset-actions";

export function PasswordResetForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields repeatLabel="Neues Passwort wiederholen" errors={state.fieldErrors} />
      <SubmitButton pendingLabel="Wird gespeichert …">Passwort speichern</SubmitButton>
    </form>
  );
}
