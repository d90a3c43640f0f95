"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/offers/schema";

// The form's own zod schema, checked in the browser before sending: the same codes, translated by
// the same messages as the server's answer. The server checks again; this only saves a round trip.
export function useClientValidation(schema: () => z.ZodType, arrays: readonly string[] = []) {
  const t = useTranslations("errors");
  const [errors, setErrors] = useState<Record<string, string[]> | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const raw: Record<string, unknown> = Object.fromEntries([...data.keys()].map((key) => [key, data.get(key)]));
    for (const key of arrays) raw[key] = data.getAll(key);
    const result = schema().safeParse(raw);
    if (result.success) {
      setErrors(null);
      return;
    }
    event.preventDefault();
    const texts: Record<string, string[]> = {};
    for (const [field, list] of Object.entries(fieldErrorsOf(result.error.issues))) {
      texts[field] = list.map((error) =>
        t.has(error.code as "invalid") ? t(error.code as "tooLong", { max: error.max ?? 0, min: error.min ?? 0 }) : t("invalid"),
      );
    }
    setErrors(texts);
  }
  return { clientErrors: errors, clientMessage: errors ? t("form") : undefined, onSubmit };
}
