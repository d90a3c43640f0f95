"use client";
import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/forms";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signInAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="weiter" value={next ?? ""} />
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
      <TextField
        id="password"
        name="password"
        type="password"
        label="Passwort"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Anmeldung läuft …">Anmelden</SubmitButton>
      <Link href="/passwort-vergessen" className="self-start text-brand-700 underline underline-offset-2">
        Passwort vergessen?
      </Link>
    </form>
  );
}
