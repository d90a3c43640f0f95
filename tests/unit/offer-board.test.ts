import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { INTL_LOCALE, LOCALES, localeOfPath, negotiateLocale, textDirection } from "../../lib/i18n/locales";
import de from "../../lib/i18n/messages/de.json";
import en from "../../lib/i18n/messages/en.json";
import uk from "../../lib/i18n/messages/uk.json";
import ru from "../../lib/i18n/messages/ru.json";
import ar from "../../lib/i18n/messages/ar.json";
import { filtersToQuery, offerFiltersSchema, parseOfferFilters } from "../../lib/offers/filters";
import { canExtend, expiryOnConfirm, expiryOnExtend, isListed, offerState } from "../../lib/offers/lifecycle";
import { contactInputSchema, fieldErrorsOf, offerInputSchema } from "../../lib/offers/schema";

const MESSAGES = { de, en, uk, ru, ar } as const;
const DAY = 86_400_000;

function flatten(messages: object, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).flatMap(([key, value]) =>
      typeof value === "object" && value !== null
        ? Object.entries(flatten(value as object, `${prefix}${key}.`))
        : [[`${prefix}${key}`, String(value)]],
    ),
  );
}

describe("public board messages", () => {
  const german = flatten(de);
  it.each(LOCALES)("%s has exactly the German keys, and every message parses and formats", (locale) => {
    const messages = flatten(MESSAGES[locale]);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(german).sort());
    for (const [key, text] of Object.entries(messages)) {
      const format = new IntlMessageFormat(text, INTL_LOCALE[locale]);
      for (const count of [0, 1, 2, 5, 21]) {
        const values = {
          count,
          days: count,
          max: count,
          min: count,
          minutes: count,
          persons: count,
          page: 1,
          pages: 2,
          link: (chunks: unknown[]) => chunks.join(""),
        };
        expect(
          () =>
            format.format({
              ...values,
              county: "X",
              municipality: "X",
              title: "X",
              date: "X",
              email: "X",
              name: "X",
              amount: "X",
              reason: "X",
            }),
          key,
        ).not.toThrow();
      }
    }
  });
});

describe("translations keep the German message's shape", () => {
  const german = flatten(de);
  const argumentsOf = (text: string) => new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]!));
  const tagsOf = (text: string) => new Set([...text.matchAll(/<(\w+)>/g)].map((match) => match[1]!));
  const PLURAL_CATEGORIES: Record<string, string[]> = {
    uk: ["one", "few", "many", "other"],
    ru: ["one", "few", "many", "other"],
    ar: ["zero", "one", "two", "few", "many", "other"],
    en: ["one", "other"],
  };
  it.each(["en", "uk", "ru", "ar"] as const)("%s: the same placeholders and tags, and every plural category of the language", (locale) => {
    const messages = flatten(MESSAGES[locale]);
    for (const [key, text] of Object.entries(german)) {
      const translated = messages[key]!;
      expect([...argumentsOf(translated)].sort(), key).toEqual([...argumentsOf(text)].sort());
      expect([...tagsOf(translated)].sort(), key).toEqual([...tagsOf(text)].sort());
      if (/,\s*plural\s*,/.test(text) && /,\s*plural\s*,/.test(translated)) {
        for (const category of PLURAL_CATEGORIES[locale]!)
          expect(translated, `${key}: ${category}`).toMatch(new RegExp(`(^|[\\s}])${category}\\s*\\{`));
      }
    }
  });
});

describe("locales", () => {
  it("lays Arabic out right to left and the others left to right", () => {
    expect(LOCALES.filter((locale) => textDirection(locale) === "rtl")).toEqual(["ar"]);
  });
  it("picks the browser's best supported language, German otherwise", () => {
    expect(negotiateLocale("uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.5")).toBe("uk");
    expect(negotiateLocale("fr-FR,fr;q=0.9,ar;q=0.3")).toBe("ar");
    expect(negotiateLocale("fr-FR")).toBe("de");
    expect(negotiateLocale("en;q=0,ru")).toBe("ru");
    expect(negotiateLocale(null)).toBe("de");
  });
  it("reads the locale from a public path only", () => {
    expect(localeOfPath("/ar/angebote")).toBe("ar");
    expect(localeOfPath("/lage")).toBeNull();
    expect(localeOfPath("/api/health")).toBeNull();
  });
});

describe("an offer's life", () => {
  const created = new Date("2026-11-01T10:00:00Z");
  const confirmed = new Date("2026-11-01T12:00:00Z");
  it("is listed from confirmation until the chosen days have passed, and not a millisecond longer", () => {
    const expiresAt = expiryOnConfirm(confirmed, 7);
    expect(expiresAt.toISOString()).toBe("2026-11-08T12:00:00.000Z");
    const offer = { status: "PUBLISHED" as const, createdAt: created, expiresAt, endedAt: null, staleHiddenAt: null };
    expect(isListed(offer, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(offerState(offer, expiresAt)).toBe("expired");
    expect(canExtend(offerState(offer, expiresAt))).toBe(true);
  });
  it("extends from the expiry, or from now once expired", () => {
    const expiresAt = new Date("2026-11-08T12:00:00Z");
    expect(expiryOnExtend(expiresAt, new Date("2026-11-05T00:00:00Z")).getTime() - expiresAt.getTime()).toBe(7 * DAY);
    const later = new Date("2026-11-10T00:00:00Z");
    expect(expiryOnExtend(expiresAt, later).getTime() - later.getTime()).toBe(7 * DAY);
  });
  it("is never listed while pending or after it ended", () => {
    for (const status of ["PENDING", "PLACED", "DELETED"] as const) {
      expect(
        isListed({ status, createdAt: created, expiresAt: new Date(Date.now() + DAY), endedAt: null, staleHiddenAt: null }, new Date()),
      ).toBe(false);
    }
    expect(canExtend("placed")).toBe(false);
    expect(canExtend("deleted")).toBe(false);
  });
});

describe("the offer form's schema", () => {
  const today = "2026-11-22";
  const valid = {
    locale: "de",
    municipalityId: "cm123",
    postalCode: " 91234 ",
    type: "ROOM",
    persons: "2",
    availableFrom: today,
    freeOfCharge: "on",
    description: "  Zimmer  ",
    email: " Name@Example.ORG ",
    durationDays: "14",
    privacy: "on",
  };
  it("normalises before it validates: trimmed text, lower-case address, numbers from digits", () => {
    const parsed = offerInputSchema(today).parse(valid);
    expect(parsed).toMatchObject({
      postalCode: "91234",
      description: "Zimmer",
      email: "name@example.org",
      persons: 2,
      durationDays: 14,
      freeOfCharge: true,
    });
    expect(parsed.languages).toEqual([]);
  });
  it.each([
    ["persons", "1e3", "wholeNumber"],
    ["persons", "0x10", "wholeNumber"],
    ["persons", "2,5", "wholeNumber"],
    ["persons", "51", "tooLarge"],
    ["persons", "", "required"],
    ["availableFrom", "2026-02-30", "invalidDate"],
    ["availableFrom", "2026-11-21", "dateInPast"],
    ["availableFrom", "2029-01-01", "dateTooFar"],
    ["postalCode", "9123", "invalidPostalCode"],
    ["description", "a\u0000b", "controlCharacters"],
    ["email", "a@b", "invalidEmail"],
    ["type", "CASTLE", "required"],
    ["durationDays", "5", "required"],
    ["languages", ["de", "xx"], "invalid"],
    ["privacy", "", "privacyRequired"],
  ])("refuses %s = %j with the code %s", (field, value, code) => {
    const result = offerInputSchema(today).safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!.issues)[field]?.map((error) => error.code)).toContain(code);
  });
  it("checks the fields against each other", () => {
    const errors = (input: object) => fieldErrorsOf(offerInputSchema(today).safeParse({ ...valid, ...input }).error?.issues ?? []);
    expect(errors({ availableUntil: "2026-11-21" }).availableUntil).toEqual([{ code: "untilBeforeFrom" }]);
    expect(errors({ freeOfCharge: undefined }).warmRent).toEqual([{ code: "rentOrFree" }]);
    expect(errors({ warmRent: "400" }).warmRent).toEqual([{ code: "rentAndFree" }]);
    expect(errors({ publishPhone: "on" }).phone).toEqual([{ code: "phoneToPublish" }]);
  });
  it("gives the bound with a length error, so each language can say it", () => {
    const result = contactInputSchema.safeParse({ locale: "ar", name: "x".repeat(101), email: "a@example.org", message: "hi" });
    expect(fieldErrorsOf(result.error!.issues).name).toEqual([{ code: "tooLong", max: 100 }]);
  });
});

describe("list filters in the URL", () => {
  it("reads what it understands and drops the rest", () => {
    expect(parseOfferFilters({ personen: "3", art: "CASTLE", miete: "-5", sortierung: "x", seite: ["2", "3"], barrierefrei: "1" })).toEqual(
      offerFiltersSchema.parse({ personen: "3", seite: "2", barrierefrei: "1" }),
    );
  });
  it("drops an impossible date instead of failing the query", () => {
    expect(parseOfferFilters({ ab: "2026-13-01" }).ab).toBeUndefined();
    expect(parseOfferFilters({ ab: "2026-02-30" }).ab).toBeUndefined();
    expect(parseOfferFilters({ ab: "2026-02-28" }).ab).toBe("2026-02-28");
  });
  it("writes only what differs from the defaults", () => {
    expect(filtersToQuery(offerFiltersSchema.parse({}))).toBe("");
    expect(filtersToQuery({ ...offerFiltersSchema.parse({ art: "ROOM" }), seite: 2 })).toBe("?art=ROOM&seite=2");
  });
});
