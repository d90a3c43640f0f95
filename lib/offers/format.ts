import { INTL_LOCALE, type Locale } from "../i18n/locales";

// Numbers, money, dates and language names in the reader's conventions (Intl), so a seeker
// reading Arabic or Ukrainian sees them as at home.

export function formatEuros(locale: Locale, euros: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(euros);
}

export function formatInteger(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

/** A calendar day stored as a date at midnight UTC. */
export function formatCalendarDay(locale: Locale, day: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeZone: "UTC" }).format(day);
}

export function formatInstant(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }).format(
    instant,
  );
}

export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
