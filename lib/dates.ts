// The county works in German local time: "today" and a reporting date are days in Europe/Berlin.
export const TIME_ZONE = "Europe/Berlin";

const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** YYYY-MM-DD of the given instant in Europe/Berlin. */
export function berlinDay(instant: Date = new Date()): string {
  return isoDay.format(instant);
}

/** A DATE column value (UTC midnight) for a YYYY-MM-DD string. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** YYYY-MM-DD of a DATE column value. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD that names a day of the calendar ("2026-02-30" does not). */
export function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  const date = dayToDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dateToDay(date);
}

export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((dayToDate(toDay).getTime() - dayToDate(fromDay).getTime()) / 86_400_000);
}

const germanDate = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const germanDateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });

export function formatDay(day: string): string {
  return germanDate.format(dayToDate(day));
}

export function formatDateTime(instant: Date): string {
  return germanDateTime.format(instant);
}
