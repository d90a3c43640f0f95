import { createHash } from "node:crypto";
import { expiryOnConfirm } from "../lifecycle";
import { EXTEND_DAYS } from "../schema";

// Validators for conditional requests. The ETag is a hash of the exact body: it changes whenever
// anything a client sees changes (an offer published, ended or extended, a page shifting) and
// never otherwise. Last-Modified needs the instant of the newest change, which the table records
// except for extensions (see offerChangedAt); clients should prefer If-None-Match.

const DAY = 86_400_000;

/** Weak, so a proxy that compresses the body does not make it a lie. */
export function entityTag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

export interface ListedTimes {
  confirmedAt: Date;
  expiresAt: Date;
  durationDays: number;
}

/**
 * When a listed offer last changed what the API shows. Confirming sets expiresAt to confirmedAt +
 * durationDays; only an extension changes it later, to max(expiry, then) + 7 days, and the time of
 * it is not stored. So an expiry as confirmed means the confirmation; otherwise the extension was
 * at or before expiresAt − 7 days, and not after now: a bound that errs late, never early.
 */
export function offerChangedAt(offer: ListedTimes, now: Date): Date {
  if (offer.expiresAt.getTime() === expiryOnConfirm(offer.confirmedAt, offer.durationDays).getTime()) return offer.confirmedAt;
  const extendedBy = Math.min(now.getTime(), offer.expiresAt.getTime() - EXTEND_DAYS * DAY);
  return new Date(Math.max(offer.confirmedAt.getTime(), extendedBy));
}

export const latest = (dates: (Date | null | undefined)[]): Date =>
  new Date(Math.max(0, ...dates.map((date) => (date ? date.getTime() : 0))));

export const httpDate = (date: Date) => date.toUTCString();

const TAG = /(?:W\/)?"[^"]*"|\*/g;
const opaque = (tag: string) => tag.replace(/^W\//, "");

/**
 * RFC 9110 13.2.2: If-None-Match (weak comparison) decides when present; otherwise
 * If-Modified-Since, at the second resolution of HTTP dates.
 */
export function isNotModified(headers: Headers, etag: string, lastModified?: Date): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    return (ifNoneMatch.match(TAG) ?? []).some((tag) => tag === "*" || opaque(tag) === opaque(etag));
  }
  const since = headers.get("if-modified-since");
  if (since === null || !lastModified) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceTime;
}
