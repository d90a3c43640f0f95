import { z } from "zod";

// Shared input primitives: strict, so that a replayed server action with an object, a hex
// number or a control character gets a clear answer instead of reaching the database.

/** The earliest reporting date (and Stand) the county's figures can have. */
export const MIN_DAY = "2000-01-01";

/** A municipality's slug as it appears in URLs. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "Unbekannte Kommune.");

/** A record id (cuid or similar). */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Ungültige Kennung.");

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Multi-line plain text: no control characters (NUL and the like), at most `max` characters. */
export function plainText(max: number, label: string) {
  return z
    .string()
    .max(max, `${label} darf höchstens ${max.toLocaleString("de-DE")} Zeichen haben.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} enthält unzulässige Steuerzeichen.`);
}

/** "1200", "1.200", " 1.200 ", "-3": digits, optionally grouped by dots in threes. */
const WHOLE_NUMBER_TEXT = /^-?(\d+|\d{1,3}(\.\d{3})+)$/;

/**
 * A whole number as people type it. Strings may only hold digits (and the German thousands
 * separator); "0x10", "1e3", "1,5" or "12abc" stay invalid. Blank means null (not reported).
 */
export function parseWholeNumber(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return value;
  if (typeof value !== "string") return Number.NaN;
  const text = value.trim();
  if (text === "") return null;
  if (!WHOLE_NUMBER_TEXT.test(text)) return Number.NaN;
  return Number(text.replace(/\./g, ""));
}

/** A page number from the URL (?seite=): anything but a positive whole number means page 1. */
export function parsePageNumber(value: unknown): number {
  const text: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof text === "string" && /^[1-9]\d{0,5}$/.test(text) ? Number(text) : 1;
}
