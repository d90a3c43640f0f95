import "server-only";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { weakPasswordMessage } from "../auth/password-strength";
import { revokeAllUserSessions } from "../auth/user-sessions";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { zodFieldErrors } from "../forms";
import { queueMailInTransaction } from "../jobs";
import { emailKey } from "../offers/tokens";
import { consumeLimits, type Limit } from "../security/rate-limit";
import { passwordResetMail } from "./password-reset-mail";
import { newPasswordSchema, passwordResetRequestSchema } from "./schema";
import { hashToken, newToken, PASSWORD_RESET_VALID_MINUTES } from "./tokens";

// "Passwort vergessen?" for intranet accounts. The request answers the same whether or not the
// address has an account (the action sends the mail after answering, so not even the time
// differs); the link proves possession of the mailbox, works once within the hour, and the new
// password ends every session of the account.

// Counted before the address is looked up, so throttling says nothing about the account either:
// - per e-mail address: 5 requests in 15 minutes (nobody can flood a colleague's mailbox);
// - per client address: 10 requests in 15 minutes, over all e-mail addresses.
export const PASSWORD_RESET_LIMITS = { windowMinutes: 15, perEmail: 5, perAddress: 10 } as const;

export const PASSWORD_RESET_REQUESTED_MESSAGE =
  "Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen des Passworts geschickt. " +
  `Er ist ${PASSWORD_RESET_VALID_MINUTES} Minuten gültig. Bitte sehen Sie gegebenenfalls auch im Spam-Ordner nach.`;

const LINK_INVALID =
  "Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte fordern Sie einen neuen an.";

export function passwordResetLimits(email: string, clientAddress: string): Limit[] {
  const windowSeconds = PASSWORD_RESET_LIMITS.windowMinutes * 60;
  return [
    // The limiter's keys name an e-mail address only by a hash.
    { key: `password-reset:email:${emailKey(email)}`, max: PASSWORD_RESET_LIMITS.perEmail, windowSeconds },
    { key: `password-reset:address:${clientAddress}`, max: PASSWORD_RESET_LIMITS.perAddress, windowSeconds },
  ];
}

export interface PasswordResetRequest {
  email: string;
  clientAddress: string;
}

/** Checks the form and counts the request; the same for known and unknown addresses. */
export async function acceptPasswordResetRequest(
  rawInput: unknown,
  context: { clientAddress: string; now?: Date },
): Promise<PasswordResetRequest> {
  const parsed = passwordResetRequestSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(parsed.error.issues));
  const now = context.now ?? new Date();
  const decision = await consumeLimits(db(), passwordResetLimits(parsed.data.email, context.clientAddress), () => now);
  if (!decision.ok) {
    throw new AppError("RATE_LIMITED", "Zu viele Anfragen. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.");
  }
  return { email: parsed.data.email, clientAddress: context.clientAddress };
}

/** Mails a reset link when the address belongs to an active account; otherwise does nothing visible. */
export async function sendPasswordReset(request: PasswordResetRequest, now = new Date()): Promise<void> {
  const user = await db().user.findUnique({ where: { email: request.email }, include: { county: { select: { name: true } } } });
  // An unknown address belongs to no county: there is nobody to record it for.
  if (!user) return;
  const audit = { countyId: user.countyId, actorId: null, subjectType: "User", subjectId: user.id } as const;
  if (!user.active) {
    // A deactivated account stays closed; its admins see that somebody asked.
    await recordAudit(db(), {
      ...audit,
      action: "auth.password-reset-requested",
      after: { ipAddress: request.clientAddress, mailed: false },
    });
    return;
  }
  const { token, tokenHash } = newToken();
  await db().$transaction(async (tx) => {
    await tx.userToken.create({
      data: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        tokenHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000),
      },
    });
    // Queued in this transaction: the mail goes out if and only if the link was stored.
    await queueMailInTransaction(
      tx,
      passwordResetMail({
        to: user.email,
        name: user.name,
        countyId: user.countyId,
        countyName: user.county.name,
        link: `${env().APP_URL}/passwort-zuruecksetzen/${token}`,
      }),
    );
    await recordAudit(tx, { ...audit, action: "auth.password-reset-requested", after: { ipAddress: request.clientAddress, mailed: true } });
  });
}

/** Both steps at once (for scripts and tests); the app answers between them. */
export async function requestPasswordReset(rawInput: unknown, context: { clientAddress: string; now?: Date }): Promise<void> {
  const request = await acceptPasswordResetRequest(rawInput, context);
  await sendPasswordReset(request, context.now);
}

async function findResetToken(token: unknown) {
  // A made-up link costs one indexed lookup, never a password hash.
  if (typeof token !== "string" || token.length === 0 || token.length > 200) return null;
  const found = await db().userToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  return found?.purpose === "PASSWORD_RESET" ? found : null;
}

function usable(found: Awaited<ReturnType<typeof findResetToken>>, now: Date): found is NonNullable<typeof found> {
  return Boolean(found && !found.usedAt && found.expiresAt > now && found.user.active);
}

/** For the page behind the link: reading changes nothing (mail scanners open links). */
export async function isPasswordResetUsable(token: string, now = new Date()): Promise<boolean> {
  return usable(await findResetToken(token), now);
}

/** The link's owner sets a new password; every session of the account ends. */
export async function resetPassword(token: string, rawInput: unknown, now = new Date()): Promise<{ email: string }> {
  const parsed = newPasswordSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(parsed.error.issues));
  const found = await findResetToken(token);
  if (!usable(found, now)) throw new AppError("NOT_FOUND", LINK_INVALID);
  const weak = weakPasswordMessage(parsed.data.password, [found.user.email, found.user.name]);
  if (weak) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { password: [weak] });
  // Hashing is slow and memory-hard: never inside a transaction, where it would hold a connection.
  const passwordHash = await hashPassword(parsed.data.password);
  return db().$transaction(async (tx) => {
    // Conditional claim: of two tabs using one link, only one succeeds, and never after expiry
    // or a deactivation that happened while the password was being hashed.
    const claimed = await tx.userToken.updateMany({
      where: { id: found.id, purpose: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", LINK_INVALID);
    // Other open links of the account (further reset mails, an invitation) are spent as well.
    await tx.userToken.updateMany({ where: { userId: found.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: found.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await revokeAllUserSessions(tx, found.userId);
    await recordAudit(tx, {
      countyId: found.user.countyId,
      actorId: found.userId,
      action: "auth.password-reset",
      subjectType: "User",
      subjectId: found.userId,
    });
    return { email: found.user.email };
  });
}
