import "server-only";
import type { PrismaClient } from "../db/client";
import { UNKNOWN_USER_HASH, verifyPassword } from "./password";

// Failed sign-ins are counted in PostgreSQL, so the limits hold across several app instances.
export const SIGN_IN_THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "throttled" };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function verifyCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; ipAddress: string },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const since = new Date(Date.now() - SIGN_IN_THROTTLE.windowMinutes * 60_000);
  return prisma.$transaction(
    async (tx) => {
      // Attempts on one account run one after another (across app instances too), so a burst
      // of parallel guesses cannot all pass the count before any of them is recorded.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`;
      const [accountFailures, addressFailures] = await Promise.all([
        tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
        tx.signInAttempt.count({ where: { ipAddress: input.ipAddress, succeeded: false, createdAt: { gte: since } } }),
      ]);
      // A refused attempt is not recorded: retrying does not extend the lock-out.
      if (accountFailures >= SIGN_IN_THROTTLE.maxFailuresPerAccount || addressFailures >= SIGN_IN_THROTTLE.maxFailuresPerAddress) {
        return { ok: false as const, reason: "throttled" as const };
      }
      const user = await tx.user.findUnique({ where: { email } });
      // Always run one hash comparison, so an unknown e-mail takes as long as a wrong password.
      const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
      const succeeded = Boolean(user && user.active && user.passwordHash && passwordMatches);
      await tx.signInAttempt.create({ data: { email, ipAddress: input.ipAddress, succeeded } });
      if (!succeeded || !user) return { ok: false as const, reason: "invalid" as const };
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
      return { ok: true as const, userId: user.id, sessionVersion: user.sessionVersion };
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
}

/** Old attempts only matter inside the throttle window; a daily job removes the rest. */
export async function pruneSignInAttempts(prisma: PrismaClient, olderThanHours = 24): Promise<number> {
  const { count } = await prisma.signInAttempt.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - olderThanHours * 3_600_000) } },
  });
  return count;
}

/**
 * The client's address as the reverse proxy in front of the app reports it. The right-most
 * X-Forwarded-For entry is the one our own proxy added; entries to its left are client-supplied.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const parts = forwarded.split(",").map((part) => part.trim()).filter(Boolean);
    if (parts.length) return parts[parts.length - 1]!;
  }
  return headers.get("x-real-ip")?.trim() || "unknown";
}
