import { INTL_LOCALE, type Locale } from "../i18n/locales";

// Numbers, money, dates and language names in the reader's conventions (Intl), so a seeker
// reading Arabic or Ukrainian sees them as at home. A formatter is costly to make (a list page
// formats a hundred values), so each is made once per language and kept.

function perLocale<Formatter>(make: (locale: string) => Formatter): (locale: Locale) => Formatter {
  const made = new Map<Locale, Formatter>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(INTL_LOCALE[locale]);
      made.set(locale, formatter);
    }
    return formatter;
  };
}

const euros = perLocale((tag) => new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }));
const integers = perLocale((tag) => new Intl.NumberFormat(tag));
const calendarDays = perLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" }));
const instants = perLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }));
const languages = perLocale((tag) => new Intl.DisplayNames([tag], { type: "language" }));

export function formatEuros(locale: Locale, value: number): string {
  return euros(locale).format(value);
}

export function formatInteger(locale: Locale, value: number): string {
  return integers(locale).format(value);
}

/** A calendar day stored as a date at midnight UTC. */
export function formatCalendarDay(locale: Locale, day: Date): string {
  return calendarDays(locale).format(day);
}

export function formatInstant(locale: Locale, instant: Date): string {
  return instants(locale).format(instant);
}

export function languageName(locale: Locale, code: string): string {
  try {
    return languages(locale).of(code) ?? code;
  } catch {
    return code;
  }
}
