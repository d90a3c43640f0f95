import { createHash, randomBytes } from "node:crypto";

export const INVITE_VALID_DAYS = 7;
/** Reset links are short-lived: whoever reads the mailbox later cannot use an old one. */
export const PASSWORD_RESET_VALID_MINUTES = 60;

/** The link carries the token; the database keeps only its hash. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
