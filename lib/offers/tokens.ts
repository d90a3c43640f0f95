import { createHash, randomBytes } from "node:crypto";

// Manage links: 256 bits from the operating system's secure generator; the database keeps only
// a SHA-256 hash, so a copy of the database opens no offer.
export function newOfferToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOfferToken(token) };
}

export function hashOfferToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Limiter keys name an e-mail address only by a hash: the limiter stores no contact data. */
export function emailKey(email: string): string {
  return createHash("sha256").update(`wohnraum-limit:${email}`).digest("hex").slice(0, 32);
}
