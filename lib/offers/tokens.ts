import { createHash } from "node:crypto";

// Manage links use the app's one secret-token generator (256 bits, stored only as a hash).
export { newSecretToken as newOfferToken, hashSecretToken as hashOfferToken } from "../security/secret-token";

/** Limiter keys name an e-mail address only by a hash: the limiter stores no contact data. */
export function emailKey(email: string): string {
  return createHash("sha256").update(`wohnraum-limit:${email}`).digest("hex").slice(0, 32);
}
