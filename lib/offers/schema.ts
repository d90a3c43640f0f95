import { z } from "zod";
import { addDays, isRealDay } from "../dates";
import { LOCALES } from "../i18n/locales";
import { CONTROL_CHARACTERS } from "../validation";

// One schema per public input, used by the server action and by tests (and importable in the
// browser: no server code here). Messages are error codes, not text: the page translates them
// (messages/*.json "errors.<code>") into the visitor's language, so one schema answers in five.

export const OFFER_TYPES = ["ROOM", "FLAT", "HOUSE", "SHARED_FLAT_ROOM"] as const;
export const OFFER_DURATIONS = [3, 7, 14, 30] as const;
/** Languages an offerer can tick; names come from Intl.DisplayNames in the reader's language. */
export const OFFER_LANGUAGES = ["de", "en", "uk", "ru", "ar", "pl", "tr", "fa", "fr", "es", "it", "ro"] as const;
export const DESCRIPTION_MAX = 2000;
export const MESSAGE_MAX = 2000;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const EXTEND_DAYS = 7;
/** Unconfirmed offers are deleted after this long. */
export const CONFIRM_HOURS = 48;

export type FieldError = { code: string; min?: number; max?: number };
export type FieldErrors = Record<string, FieldError[]>;

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : trimmed(value));
/** Checkboxes arrive as "on" (or a value) when ticked and are missing when not. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

function boundedText(max: number) {
  return z
    .string({ error: "invalid" })
    .max(max, { error: "tooLong" })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "controlCharacters" });
}
const requiredText = (max: number) => z.preprocess(trimmed, boundedText(max).min(1, { error: "required" }));
const optionalText = (max: number) => z.preprocess(blankToUndefined, boundedText(max).optional());

/** Whole numbers as people type them; "1e3", "0x10" or "2,5" stay invalid. */
function boundedNumber(min: number, max: number) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? "required" : "wholeNumber") })
    .int({ error: "wholeNumber" })
    .min(min, { error: "tooSmall" })
    .max(max, { error: "tooLarge" });
}
const digitsToNumber = (value: unknown) => {
  const text = blankToUndefined(value);
  return typeof text === "string" && /^\d{1,7}$/.test(text) ? Number(text) : text;
};
const requiredNumber = (min: number, max: number) => z.preprocess(digitsToNumber, boundedNumber(min, max));
const optionalNumber = (min: number, max: number) => z.preprocess(digitsToNumber, boundedNumber(min, max).optional());

const day = z
  .string({ error: "invalidDate" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
  .refine(isRealDay, { error: "invalidDate" });

export const emailSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z
    .string({ error: "required" })
    .min(1, { error: "required" })
    .max(EMAIL_MAX, { error: "tooLong" })
    .pipe(z.email({ error: "invalidEmail" })),
);

const localeSchema = z.enum(LOCALES, { error: "invalid" });

/** The honeypot: people never see it (it is hidden), simple bots fill it in. */
export const honeypotSchema = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

/** The offer form. `today` (Europe/Berlin) bounds the dates. */
export function offerInputSchema(today: string) {
  return z
    .object({
      locale: localeSchema,
      municipalityId: z.string({ error: "unknownMunicipality" }).regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "unknownMunicipality" }),
      postalCode: z.preprocess(trimmed, z.string({ error: "required" }).regex(/^\d{5}$/, { error: "invalidPostalCode" })),
      district: optionalText(100),
      type: z.enum(OFFER_TYPES, { error: "required" }),
      persons: requiredNumber(1, 50),
      rooms: optionalNumber(1, 50),
      sizeSqm: optionalNumber(5, 2000),
      availableFrom: z.preprocess(
        trimmed,
        day.refine((value) => value >= today, { error: "dateInPast" }),
      ),
      availableUntil: z.preprocess(blankToUndefined, day.optional()),
      freeOfCharge: checkbox,
      warmRent: optionalNumber(1, 20000),
      furnished: checkbox,
      barrierFree: checkbox,
      petsAllowed: checkbox,
      languages: z.preprocess(
        (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
        z.array(z.enum(OFFER_LANGUAGES, { error: "invalid" })).max(OFFER_LANGUAGES.length, { error: "invalid" }),
      ),
      description: requiredText(DESCRIPTION_MAX),
      email: emailSchema,
      phone: z.preprocess(
        blankToUndefined,
        z
          .string({ error: "invalidPhone" })
          .regex(/^\+?[0-9 ()/-]{5,30}$/, { error: "invalidPhone" })
          .refine((value) => value.replace(/\D/g, "").length >= 5, { error: "invalidPhone" })
          .optional(),
      ),
      publishPhone: checkbox,
      durationDays: z.preprocess(
        (value) => (typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : value),
        z.union(
          OFFER_DURATIONS.map((days) => z.literal(days)),
          { error: "required" },
        ),
      ),
      privacy: checkbox.refine((value) => value, { error: "privacyRequired" }),
    })
    .superRefine((offer, context) => {
      const maxDay = addDays(today, 730);
      if (offer.availableFrom > maxDay) context.addIssue({ code: "custom", path: ["availableFrom"], message: "dateTooFar" });
      if (offer.availableUntil !== undefined) {
        if (offer.availableUntil < offer.availableFrom)
          context.addIssue({ code: "custom", path: ["availableUntil"], message: "untilBeforeFrom" });
        else if (offer.availableUntil > addDays(today, 3650))
          context.addIssue({ code: "custom", path: ["availableUntil"], message: "dateTooFar" });
      }
      if (offer.freeOfCharge && offer.warmRent !== undefined)
        context.addIssue({ code: "custom", path: ["warmRent"], message: "rentAndFree" });
      if (!offer.freeOfCharge && offer.warmRent === undefined)
        context.addIssue({ code: "custom", path: ["warmRent"], message: "rentOrFree" });
      if (offer.publishPhone && offer.phone === undefined) context.addIssue({ code: "custom", path: ["phone"], message: "phoneToPublish" });
    });
}

export type OfferInput = z.infer<ReturnType<typeof offerInputSchema>>;

export const contactInputSchema = z.object({
  locale: localeSchema,
  name: requiredText(NAME_MAX),
  email: emailSchema,
  message: requiredText(MESSAGE_MAX),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const resendLinksSchema = z.object({ locale: localeSchema, email: emailSchema });

/** Manage links carry a 256-bit base64url token. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Turns zod issues into per-field error codes with the bound the text needs. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    const error: FieldError = { code: issue.message };
    if (issue.code === "too_big") error.max = Number(issue.maximum);
    if (issue.code === "too_small") error.min = Number(issue.minimum);
    const list = (errors[field] ??= []);
    if (!list.some((known) => known.code === error.code)) list.push(error);
  }
  return errors;
}
