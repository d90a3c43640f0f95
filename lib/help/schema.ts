import { z } from "zod";
import { formatDay } from "../dates";
import { formText } from "../forms";
import { idSchema, MIN_DAY, parseWholeNumber, plainText } from "../validation";

// One schema per input of inter-municipal help (/amtshilfe), shared by the browser forms and the
// server. Persons are a number and a composition in words: never names.

export const MAX_HELP_PERSONS = 10_000;

const persons = z.preprocess(
  parseWholeNumber,
  z
    .number({ error: "Bitte die Zahl der Personen angeben." })
    .int("Bitte eine ganze Zahl angeben.")
    .min(1, "Mindestens eine Person.")
    .max(MAX_HELP_PERSONS, "Diese Zahl ist unplausibel groß."),
);

const day = (label: string) =>
  z.iso
    .date(`${label}: bitte ein gültiges Datum angeben (JJJJ-MM-TT).`)
    .refine((value) => value >= MIN_DAY, `${label} darf nicht vor dem ${formatDay(MIN_DAY)} liegen.`);

const optionalComment = plainText(1000, "Der Kommentar")
  .trim()
  .optional()
  .transform((value) => value || null);

export const ACCOMMODATION_LABELS = {
  SHARED: "Gemeinschaftsunterkunft",
  DECENTRAL: "dezentral (Wohnung)",
  EITHER: "beides möglich",
} as const;

export const helpRequestSchema = z.object({
  municipalityId: idSchema,
  persons,
  composition: plainText(200, "Die Zusammensetzung")
    .trim()
    .min(1, "Bitte die Zusammensetzung in Worten angeben, z. B. „2 Familien, 3 Einzelpersonen“ (keine Namen)."),
  neededBy: day("Bis wann"),
  accommodation: z.enum(["SHARED", "DECENTRAL", "EITHER"], { error: "Bitte die Art der Unterbringung wählen." }),
  comment: optionalComment,
});
export type HelpRequestInput = z.output<typeof helpRequestSchema>;
export const HELP_REQUEST_FIELDS = ["municipalityId", "persons", "composition", "neededBy", "accommodation", "comment"] as const;

export const helpOfferSchema = z
  .object({
    requestId: idSchema,
    municipalityId: idSchema,
    persons,
    accommodation: z.enum(["SHARED", "DECENTRAL"], { error: "Bitte die Art der Unterbringung wählen." }),
    availableFrom: day("Ab wann"),
    duration: z.enum(["TEMPORARY", "PERMANENT"], { error: "Bitte vorübergehend oder dauerhaft wählen." }),
    availableUntil: z.preprocess((value) => (value === "" ? undefined : value), day("Bis wann").optional()),
    comment: optionalComment,
    /** The author saw that the offer exceeds the reported free places, and offers anyway. */
    confirmExceedsFreePlaces: z.boolean().default(false),
  })
  .superRefine((offer, context) => {
    if (offer.duration === "TEMPORARY" && !offer.availableUntil) {
      context.addIssue({ code: "custom", path: ["availableUntil"], message: "Bitte angeben, bis wann die Plätze zur Verfügung stehen." });
    }
    if (offer.duration === "TEMPORARY" && offer.availableUntil && offer.availableUntil <= offer.availableFrom) {
      context.addIssue({ code: "custom", path: ["availableUntil"], message: "„Bis“ muss nach „Ab“ liegen." });
    }
  })
  .transform((offer) => ({ ...offer, availableUntil: offer.duration === "TEMPORARY" ? (offer.availableUntil ?? null) : null }));
export type HelpOfferInput = z.output<typeof helpOfferSchema>;
export const HELP_OFFER_FIELDS = [
  "requestId",
  "municipalityId",
  "persons",
  "accommodation",
  "availableFrom",
  "duration",
  "availableUntil",
  "comment",
] as const;

export const endPlacementSchema = z.object({ placementId: idSchema, endedOn: day("Beendet am") });

/** The form's fields as the schemas take them. */
export function helpRequestInputFromForm(formData: FormData) {
  return Object.fromEntries(HELP_REQUEST_FIELDS.map((key) => [key, formText(formData, key)]));
}

export function helpOfferInputFromForm(formData: FormData) {
  return {
    ...Object.fromEntries(HELP_OFFER_FIELDS.map((key) => [key, formText(formData, key)])),
    confirmExceedsFreePlaces: formText(formData, "confirmExceedsFreePlaces") === "on",
  };
}
