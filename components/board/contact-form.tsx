"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FieldFrame, TextField, describedBy } from "@/components/ui/field";
import { contactOffererAction } from "@/lib/offers/actions";
import { BOARD_IDLE } from "@/lib/offers/form-state";
import { contactInputSchema, MESSAGE_MAX, NAME_MAX } from "@/lib/offers/schema";
import { Honeypot } from "./honeypot";
import { useClientValidation } from "./use-client-validation";

export function ContactForm({ offerId, locale }: { offerId: string; locale: string }) {
  const t = useTranslations("detail");
  const tf = useTranslations("fields");
  const [state, action] = useActionState(contactOffererAction.bind(null, offerId), BOARD_IDLE);
  const value = (key: string) => (typeof state.values?.[key] === "string" ? state.values[key] : "");
  const { clientErrors, clientMessage, onSubmit } = useClientValidation(() => contactInputSchema);
  const errors = clientErrors ?? state.fieldErrors ?? {};
  const message = clientMessage ?? (state.status === "error" ? state.message : undefined);
  if (state.status === "success") return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={action} onSubmit={onSubmit} className="relative flex flex-col gap-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <input type="hidden" name="locale" value={locale} />
      <Honeypot label={tf("website")} />
      <TextField
        id="name"
        name="name"
        label={t("name")}
        autoComplete="name"
        maxLength={NAME_MAX}
        required
        defaultValue={value("name")}
        errors={errors.name}
      />
      <TextField
        id="contact-email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={value("email")}
        errors={errors.email}
      />
      <FieldFrame id="message" label={t("message")} errors={errors.message}>
        <textarea
          id="message"
          name="message"
          rows={6}
          maxLength={MESSAGE_MAX}
          required
          defaultValue={value("message")}
          aria-invalid={errors.message?.length ? true : undefined}
          aria-describedby={describedBy("message", errors.message)}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700"
        />
      </FieldFrame>
      <p className="text-sm text-slate-700">
        {t.rich("contactPrivacy", {
          link: (chunks) => (
            <a href={`/${locale}/datenschutz`} className="text-brand-700 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      <div>
        <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
      </div>
    </form>
  );
}
