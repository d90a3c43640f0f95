export const INVITE_VALID_DAYS = 7;
/** Reset links are short-lived: whoever reads the mailbox later cannot use an old one. */
export const PASSWORD_RESET_VALID_MINUTES = 60;

/** The link carries the token; the database keeps only its hash (lib/security/secret-token.ts). */
export { newSecretToken as newToken, hashSecretToken as hashToken } from "../security/secret-token";
