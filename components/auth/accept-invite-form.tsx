"use client";
import { useActionState } from "react";
import { acceptInviteAction } from "@/lib/users/actions";
import { IDLE } from "@/lib/forms";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInviteAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Neues Passwort"
        hint={`Mindestens ${PASSWORD_MIN_LENGTH} Zeichen.`}
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.password}
      />
      <TextField
        id="passwordRepeat"
        name="passwordRepeat"
        type="password"
        label="Passwort wiederholen"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.passwordRepeat}
      />
      <SubmitButton pendingLabel="Wird gespeichert …">Passwort festlegen</SubmitButton>
    </form>
  );
}
