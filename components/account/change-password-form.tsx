"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { IDLE } from "@/lib/forms";
import { changePasswordAction } from "@/lib/users/actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <TextField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Bisheriges Passwort"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.currentPassword}
      />
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
        label="Neues Passwort wiederholen"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.passwordRepeat}
      />
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Passwort ändern</SubmitButton>
      </div>
    </form>
  );
}
