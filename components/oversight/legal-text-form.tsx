"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { describedBy, FieldFrame } from "@/components/ui/field";
import { IDLE } from "@/lib/forms";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { saveLegalTextAction } from "@/lib/offers/oversight-actions";
import { LEGAL_TEXT_LABELS, LEGAL_TEXT_MAX, LOCALE_LABELS, type LegalTextKindName } from "@/lib/offers/oversight-schema";

interface Props {
  kind: LegalTextKindName;
  locale: Locale;
  current: { body: string; version: number; updatedAt: string } | null;
}

/** One language of the privacy notice or imprint. German is binding; the others are translations. */
export function LegalTextForm({ kind, locale, current }: Props) {
  const [state, action] = useActionState(saveLegalTextAction, IDLE);
  const id = `legal-${kind.toLowerCase()}-${locale}`;
  const errors = state.fieldErrors?.body;
  const binding = locale === "de";
  const hint = [
    current ? `Version ${current.version}, zuletzt geändert ${current.updatedAt}.` : "Noch kein Text hinterlegt.",
    binding ? "Verbindliche Fassung; sie kann ersetzt, aber nicht gelöscht werden." : "Übersetzung; ein leeres Feld löscht sie.",
  ].join(" ");
  return (
    <form action={action} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="locale" value={locale} />
      <FieldFrame
        id={id}
        label={`${LEGAL_TEXT_LABELS[kind]} – ${LOCALE_LABELS[locale]}${binding ? " (verbindlich)" : ""}`}
        errors={errors}
        hint={hint}
      >
        <textarea
          id={id}
          name="body"
          lang={locale}
          dir={textDirection(locale)}
          rows={binding ? 10 : 5}
          maxLength={LEGAL_TEXT_MAX}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-700"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, errors, hint)}
          defaultValue={state.values?.body ?? current?.body ?? ""}
        />
      </FieldFrame>
      <div>
        <SubmitButton
          variant={binding ? "primary" : "secondary"}
          pendingLabel="Wird gespeichert …"
          aria-label={`${LEGAL_TEXT_LABELS[kind]} auf ${LOCALE_LABELS[locale]} speichern`}
        >
          Speichern
        </SubmitButton>
      </div>
      {state.status === "error" && state.message && <Alert tone="error">{state.message}</Alert>}
      {state.status === "success" && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
