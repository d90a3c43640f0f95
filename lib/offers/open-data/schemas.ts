import { z } from "zod";
import { AppError } from "../../errors";
import { offerFiltersSchema } from "../filters";
import { OFFER_TYPES } from "../schema";

// The open-data API's contract as zod schemas: the query it accepts and the JSON it answers.
// The same schemas check requests, shape responses (parsing drops any field not named here, so
// nothing beyond these fields can leave) and generate openapi.json: documentation and behaviour
// cannot drift apart.

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const filters = offerFiltersSchema.shape;

/**
 * The public list's filters without their fallbacks (`.unwrap()` drops the `.catch`): the HTML
 * list ignores an unreadable value, the API answers 400 naming it. Unknown parameters are refused
 * too, so a misspelt filter does not silently return everything.
 */
export const listQuerySchema = z.strictObject({
  gemeinde: filters.gemeinde.unwrap().describe("Nur Angebote dieser Gemeinde (ihr Kürzel, municipality.slug)."),
  art: filters.art.unwrap().describe("Nur diese Art von Wohnraum."),
  personen: filters.personen.unwrap().describe("Für mindestens so viele Personen."),
  miete: filters.miete.unwrap().describe("Warmmiete höchstens so viele Euro im Monat; kostenfreie Angebote immer."),
  ab: filters.ab.unwrap().describe("Spätestens an diesem Tag frei (JJJJ-MM-TT)."),
  barrierefrei: filters.barrierefrei.unwrap().describe("1: nur barrierefreie Angebote."),
  haustiere: filters.haustiere.unwrap().describe("1: nur Angebote, in denen Haustiere erlaubt sind."),
  kosten: filters.kosten
    .unwrap()
    .describe(
      "1: nur kostenfreie Angebote und solche mit einer Warmmiete bis zur Mietobergrenze des Landkreises (KdU) für ihre Personenzahl.",
    ),
  sortierung: filters.sortierung
    .unwrap()
    .default("neu")
    .describe("neu: zuletzt veröffentlicht zuerst; frei: früheste Verfügbarkeit; miete: günstigste zuerst."),
  seite: filters.seite.unwrap().default(1).describe("Seitennummer, ab 1. Eine Seite nach der letzten ist leer."),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe("Angebote je Seite."),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

const LIST_DEFAULTS: Partial<Record<keyof ListQuery, unknown>> = { sortierung: "neu", seite: 1, pageSize: DEFAULT_PAGE_SIZE };

/** The canonical query string of a parsed query (fixed order, defaults left out), for links. */
export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(listQuerySchema.shape) as (keyof ListQuery)[]) {
    const value = query[key];
    if (value !== undefined && value !== LIST_DEFAULTS[key]) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return "Unbekannter Parameter.";
    case "too_small":
      return `Mindestens ${String(issue.minimum)}.`;
    case "too_big":
      return `Höchstens ${String(issue.maximum)}.`;
    case "invalid_value":
      return `Erlaubt: ${issue.values.map(String).join(", ")}.`;
    case "invalid_type":
      return issue.expected === "int" ? "Keine ganze Zahl." : issue.expected === "number" ? "Keine Zahl." : "Ungültiger Wert.";
    case "invalid_format":
      return "Ungültiges Format.";
    default:
      return "Ungültiger Wert.";
  }
}

/** The list's query, strictly: any unreadable, repeated or unknown parameter is a 400 naming it. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const raw: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  const add = (name: string, text: string) => (errors[name] ??= []).push(text);
  for (const [name, value] of params) {
    if (name in raw) add(name, "Darf nur einmal vorkommen.");
    else raw[name] = value;
  }
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const names = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0])];
      for (const name of names) add(name, issueText(issue));
    }
  }
  const names = Object.keys(errors);
  if (names.length || !parsed.success) {
    throw new AppError("VALIDATION", `Ungültige Parameter: ${names.join(", ")}.`, errors);
  }
  return parsed.data;
}

/** Offer ids as the detail path accepts them (lib/offers/queries.ts publicOffer checks the same). */
export const offerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/)
  .describe("Die id eines Angebots.");

export const placeSchema = z.object({
  name: z.string(),
  slug: z.string().describe("Kürzel, z. B. für den Parameter gemeinde."),
});

export const offerSchema = z
  .object({
    id: z.string(),
    url: z.url().describe("Die Seite des Angebots auf der Angebotsbörse, mit dem Kontaktformular."),
    type: z.enum(OFFER_TYPES),
    municipality: placeSchema,
    postalCode: z.string(),
    district: z.string().nullable().describe("Ortsteil, falls angegeben."),
    persons: z.number().int().min(1),
    rooms: z.number().int().nullable(),
    sizeSqm: z.number().int().nullable(),
    availableFrom: z.iso.date(),
    availableUntil: z.iso.date().nullable().describe("null: unbefristet."),
    warmRentEuros: z.number().int().nullable().describe("Warmmiete im Monat in Euro; null, wenn kostenfrei."),
    freeOfCharge: z.boolean(),
    furnished: z.boolean(),
    barrierFree: z.boolean(),
    petsAllowed: z.boolean(),
    languages: z.array(z.string()).describe("ISO-639-1-Codes der Sprachen, die die Anbietenden sprechen."),
    description: z.string(),
    phone: z.string().nullable().describe("Telefonnummer, nur wenn die Anbietenden sie veröffentlichen; sonst null."),
    demo: z.boolean().describe("true: Beispieldaten einer Demo-Installation, kein echtes Angebot."),
    expiresAt: z.iso.datetime().describe("Bis dann ist das Angebot veröffentlicht (es kann verlängert werden)."),
    confirmedAt: z.iso.datetime().describe("Veröffentlicht am."),
  })
  .describe("Ein veröffentlichtes Wohnraumangebot. Die E-Mail-Adresse der Anbietenden ist nie enthalten.");

export const offerListSchema = z.object({
  county: placeSchema,
  total: z.number().int().min(0).describe("Passende Angebote insgesamt."),
  page: z.number().int().min(1),
  pages: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
  offers: z.array(offerSchema),
  links: z.object({
    self: z.url(),
    next: z.url().nullable(),
    prev: z.url().nullable(),
  }),
});

export const apiErrorSchema = z
  .object({
    error: z.string().describe("Fehlercode, z. B. VALIDATION, NOT_FOUND, GONE, UNAVAILABLE."),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Je ungültigem Parameter, was an ihm falsch ist."),
    requestId: z.string().optional(),
  })
  .describe("Eine Fehlerantwort.");

export type OpenOffer = z.infer<typeof offerSchema>;
export type OpenOfferList = z.infer<typeof offerListSchema>;

/** The named response schemas: openapi.json's components. */
export const openDataSchemas = z.registry<{ id: string }>();
openDataSchemas.add(placeSchema, { id: "Place" });
openDataSchemas.add(offerSchema, { id: "Offer" });
openDataSchemas.add(offerListSchema, { id: "OfferList" });
openDataSchemas.add(apiErrorSchema, { id: "Error" });
