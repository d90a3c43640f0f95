import { createHash, randomBytes } from "node:crypto";

// Secret links (invitations, password resets, offer manage links): 256 bits from the operating
// system's secure generator in the link; the database keeps only a SHA-256 hash, so a copy of the
// database opens nothing.

export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
