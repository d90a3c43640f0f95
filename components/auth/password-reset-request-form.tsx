"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { requestPasswordResetAction } from "@/lib/users/password-reset-actions";

export function PasswordResetRequestForm() {
  const [state, action] = useActionState(requestPasswordResetAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      <TextField
        id="email"
        name="email"
        type="email"
        label="E-Mail-Adresse"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pendingLabel="Wird gesendet …">Link anfordern</SubmitButton>
      <Link href="/anmelden" className="self-start text-brand-700 underline underline-offset-2">
        Zurück zur Anmeldung
      </Link>
    </form>
  );
}
