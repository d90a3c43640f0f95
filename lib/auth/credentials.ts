import "server-only";
import type { PrismaClient } from "../db/client";
import { recordAudit } from "../audit/record";
import { consumeLimits, releaseHits, type Limit } from "../security/rate-limit";
import { PasswordHashingBusy, UNKNOWN_USER_HASH, verifyPassword } from "./password";
import { createUserSession } from "./user-sessions";

// Sign-in throttling, counted in PostgreSQL so that it holds across app instances:
// - per account and address: 5 failures in 15 minutes, then that pair waits;
// - per address: 20 failures in 15 minutes, over all accounts;
// - per account, from anywhere: after 10 failures in 15 minutes each further try waits twice as
//   long as the one before (1 s, 2 s, … at most 60 s). An attacker elsewhere therefore slows the
//   account down but cannot lock its owner out, and the account gets at most about 25 guesses
//   per 15 minutes however many addresses try.
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAccountAndAddress: 5,
  perAddress: 20,
  accountSlowdownAfter: 10,
  accountMaxDelaySeconds: 60,
} as const;

export function signInLimits(email: string, ipAddress: string): Limit[] {
  const windowSeconds = SIGN_IN_LIMITS.windowMinutes * 60;
  return [
    { key: `sign-in:pair:${email}|${ipAddress}`, max: SIGN_IN_LIMITS.perAccountAndAddress, windowSeconds },
    { key: `sign-in:address:${ipAddress}`, max: SIGN_IN_LIMITS.perAddress, windowSeconds },
    {
      key: `sign-in:account:${email}`,
      max: Number.MAX_SAFE_INTEGER,
      windowSeconds,
      progressive: { after: SIGN_IN_LIMITS.accountSlowdownAfter, baseSeconds: 1, maxSeconds: SIGN_IN_LIMITS.accountMaxDelaySeconds },
    },
  ];
}

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "throttled" | "busy"; retryAfterSeconds?: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password. The attempt is counted first (a short transaction), the
 * password hash runs outside any transaction, and a success takes the counted failure back.
 */
export async function verifyCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; ipAddress: string },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const decision = await consumeLimits(prisma, signInLimits(email, input.ipAddress));
  if (!decision.ok) {
    const known = await prisma.user.findUnique({ where: { email }, select: { id: true, countyId: true } });
    await recordAttempt(prisma, {
      email,
      ipAddress: input.ipAddress,
      succeeded: false,
      throttled: true,
      userId: known?.id ?? null,
      countyId: known?.countyId ?? null,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  let passwordMatches: boolean;
  try {
    // Always one hash comparison, so an unknown e-mail takes as long as a wrong password.
    passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  } catch (error) {
    if (!(error instanceof PasswordHashingBusy)) throw error;
    await releaseHits(prisma, decision.hitIds); // not checked, so not a failure
    return { ok: false, reason: "busy" };
  }
  const succeeded = Boolean(user && user.active && user.passwordHash && passwordMatches);
  if (succeeded) await releaseHits(prisma, decision.hitIds);
  await recordAttempt(prisma, {
    email,
    ipAddress: input.ipAddress,
    succeeded,
    throttled: false,
    userId: user?.id ?? null,
    countyId: user?.countyId ?? null,
  });
  if (!succeeded || !user) return { ok: false, reason: "invalid" };
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const session = await createUserSession(prisma, user.id);
  return { ok: true, userId: user.id, sessionId: session.id, sessionVersion: user.sessionVersion };
}

async function recordAttempt(
  prisma: PrismaClient,
  attempt: { email: string; ipAddress: string; succeeded: boolean; throttled: boolean; userId: string | null; countyId: string | null },
) {
  const action = attempt.throttled ? "auth.sign-in-throttled" : attempt.succeeded ? "auth.sign-in" : "auth.sign-in-failed";
  await prisma.$transaction(async (tx) => {
    await tx.signInAttempt.create({
      data: { email: attempt.email, ipAddress: attempt.ipAddress, succeeded: attempt.succeeded, throttled: attempt.throttled },
    });
    // Attempts on unknown addresses stay in the attempt log only: they belong to no county.
    if (attempt.countyId) {
      await recordAudit(tx, {
        countyId: attempt.countyId,
        actorId: attempt.userId,
        action,
        subjectType: "User",
        subjectId: attempt.userId ?? attempt.email,
        after: { ipAddress: attempt.ipAddress },
      });
    }
  });
}

/** Attempts are the record of who tried when; they are kept SIGN_IN_RETENTION_DAYS. */
export async function pruneSignInAttempts(prisma: PrismaClient, olderThanDays: number, now = new Date()): Promise<number> {
  const { count } = await prisma.signInAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - olderThanDays * 86_400_000) } },
  });
  return count;
}
