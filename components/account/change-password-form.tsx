"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
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
      <NewPasswordFields repeatLabel="Neues Passwort wiederholen" errors={state.fieldErrors} />
      <div>
        <SubmitButton pendingLabel="Wird gespeichert …">Passwort ändern</SubmitButton>
      </div>
    </form>
  );
}
