"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resendLinksAction } from "@/lib/offers/actions";
import { BOARD_IDLE } from "@/lib/offers/form-state";
import { Honeypot } from "./honeypot";

export function ResendLinksForm({ locale }: { locale: string }) {
  const t = useTranslations("links");
  const tf = useTranslations("fields");
  const [state, action] = useActionState(resendLinksAction, BOARD_IDLE);
  if (state.status === "success") return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} className="relative flex max-w-md flex-col gap-4 rounded-lg bg-white p-6 shadow" noValidate>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="locale" value={locale} />
      <Honeypot label={tf("website")} />
      <TextField
        id="email"
        name="email"
        type="email"
        label={tf("email")}
        autoComplete="email"
        required
        defaultValue={typeof state.values?.email === "string" ? state.values.email : ""}
        errors={state.fieldErrors?.email}
      />
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
