import "server-only";
import { db } from "../db/client";
import type { Locale } from "../i18n/locales";

/** The privacy notice or imprint in the reader's language, else the binding German text (marked so). */
export async function legalTextFor(countyId: string, kind: "PRIVACY" | "IMPRINT", locale: Locale) {
  const texts = await db().legalText.findMany({ where: { countyId, kind, locale: { in: [locale, "de"] } } });
  const own = texts.find((text) => text.locale === locale && text.body.trim() !== "");
  const german = texts.find((text) => text.locale === "de");
  const chosen = own ?? german;
  return chosen
    ? { body: chosen.body, locale: chosen.locale, germanFallback: !own && locale !== "de", version: german?.version ?? chosen.version }
    : null;
}
