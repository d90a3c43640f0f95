import { z } from "zod";
import { LOCALES, type Locale } from "../i18n/locales";
import { idSchema, plainText } from "../validation";
import type { OfferState } from "./lifecycle";
import { OFFER_DURATIONS } from "./schema";

// Inputs and labels of the intranet side of the offer board (staff). Free of server code, so the
// forms and the pages read the same labels; messages are German, as everywhere in the intranet.

export const OFFER_STATES = ["pending", "published", "expired", "placed", "deleted"] as const satisfies readonly OfferState[];

/** The state filter in the URL (?status=), in German like the intranet's other parameters. */
export const STATE_PARAMS: Record<OfferState, string> = {
  pending: "unbestaetigt",
  published: "veroeffentlicht",
  expired: "abgelaufen",
  placed: "vermittelt",
  deleted: "geloescht",
};

export const STATE_LABELS: Record<OfferState, string> = {
  pending: "Unbestätigt",
  published: "Veröffentlicht",
  expired: "Abgelaufen",
  placed: "Vermittelt",
  deleted: "Gelöscht",
};

export const OFFER_TYPE_LABELS: Record<string, string> = {
  ROOM: "Zimmer",
  FLAT: "Wohnung",
  HOUSE: "Haus",
  SHARED_FLAT_ROOM: "WG-Zimmer",
};

export const ENDED_BY_LABELS: Record<string, string> = { OFFERER: "Anbietende", STAFF: "Verwaltung" };

/** An unknown or missing ?status= shows every state. */
export function stateFromParam(value: unknown): OfferState | undefined {
  const text: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return OFFER_STATES.find((state) => STATE_PARAMS[state] === text);
}

// Every control character, line breaks included: the reason is one line and goes into a mail.
const ANY_CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** Staff extend or end an offer: always with a reason, which the offerer is told. */
export const staffOfferActionSchema = z.object({
  offerId: idSchema,
  reason: z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z
      .string({ error: "Bitte geben Sie einen Grund an." })
      .min(REASON_MIN, `Bitte geben Sie einen Grund mit mindestens ${REASON_MIN} Zeichen an.`)
      .max(REASON_MAX, `Der Grund darf höchstens ${REASON_MAX} Zeichen haben.`)
      .refine((value) => !ANY_CONTROL_CHARACTER.test(value), "Der Grund darf keine Zeilenumbrüche oder Steuerzeichen enthalten."),
  ),
});

export const offerIdSchema = z.object({ offerId: idSchema });

function wholeNumber(min: number, max: number, label: string) {
  const message = `${label}: bitte eine ganze Zahl von ${min} bis ${max} eingeben.`;
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d{1,7}\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
}

export const boardSettingsSchema = z.object({
  offerDefaultDays: z.preprocess(
    (value) => (typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : value),
    z.union(
      OFFER_DURATIONS.map((days) => z.literal(days)),
      { error: `Bitte eine der Laufzeiten ${OFFER_DURATIONS.join(", ")} Tage wählen.` },
    ),
  ),
  offerMaxOpenPerEmail: wholeNumber(1, 50, "Offene Angebote je E-Mail-Adresse"),
  offerSubmitsPerHour: wholeNumber(1, 1000, "Angebote je Stunde und Adresse"),
  offerContactsPerHour: wholeNumber(1, 1000, "Nachrichten je Stunde und Adresse"),
  offerRetentionDays: wholeNumber(1, 365, "Aufbewahrung der Kontaktdaten"),
});
export type BoardSettings = z.infer<typeof boardSettingsSchema>;
export const BOARD_SETTING_KEYS = Object.keys(boardSettingsSchema.shape) as (keyof BoardSettings)[];

export const mailboxSchema = z.object({
  municipalityId: idSchema,
  // Blank removes the mailbox: the municipality then gets no copies.
  mailboxEmail: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
    z.union([
      z.literal(""),
      z
        .string()
        .max(254, "Die E-Mail-Adresse darf höchstens 254 Zeichen haben.")
        .pipe(z.email("Bitte eine gültige E-Mail-Adresse eingeben oder das Feld leeren.")),
    ]),
  ),
});

export const LEGAL_TEXT_KINDS = ["PRIVACY", "IMPRINT"] as const;
export type LegalTextKindName = (typeof LEGAL_TEXT_KINDS)[number];
export const LEGAL_TEXT_LABELS: Record<LegalTextKindName, string> = { PRIVACY: "Datenschutzhinweis", IMPRINT: "Impressum" };
// Server actions accept at most 64 KB (next.config.ts, like the request guard); Cyrillic and
// Arabic take two bytes per character, so a text of 30,000 characters fits in every language.
export const LEGAL_TEXT_MAX = 30_000;

export const LOCALE_LABELS: Record<Locale, string> = {
  de: "Deutsch",
  en: "Englisch",
  uk: "Ukrainisch",
  ru: "Russisch",
  ar: "Arabisch",
};

export const legalTextSchema = z.object({
  kind: z.enum(LEGAL_TEXT_KINDS, { error: "Unbekannte Textart." }),
  locale: z.enum(LOCALES, { error: "Unbekannte Sprache." }),
  // Line breaks and tabs are part of a legal text; blank deletes the translation.
  body: z.preprocess((value) => (typeof value === "string" ? value.trim() : value), plainText(LEGAL_TEXT_MAX, "Der Text")),
});
