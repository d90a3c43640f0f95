// The languages of the public pages. The intranet stays German. Kept free of server-only code:
// the proxy, server components and client components all read it.

export const LOCALES = ["de", "en", "uk", "ru", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "de";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** Each language in its own name, for the switcher: a reader finds their language without reading ours. */
export const LOCALE_NAMES: Record<Locale, string> = {
  de: "Deutsch",
  en: "English",
  uk: "Українська",
  ru: "Русский",
  ar: "العربية",
};

/** BCP 47 tags for Intl formatting (German conventions for German, the rest by language). */
export const INTL_LOCALE: Record<Locale, string> = { de: "de-DE", en: "en-GB", uk: "uk-UA", ru: "ru-RU", ar: "ar" };

/** Picks the best public language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const quality = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0]!, quality: quality ? Number(quality) : 1 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The locale a public path starts with, or null (intranet, API). */
export function localeOfPath(pathname: string): Locale | null {
  const first = pathname.split("/")[1];
  return isLocale(first) ? first : null;
}
