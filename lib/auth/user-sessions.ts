import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "../db/client";
import { env } from "../env";

// Server-side sessions. The signed cookie only names a row here; the row decides. Sign-out
// revokes it, so a copied cookie is dead afterwards, and its absolute end is fixed at sign-in,
// so renewing the cookie (GET /api/auth/session) cannot keep a stolen one alive.

export async function createUserSession(prisma: PrismaClient, userId: string, now = new Date()) {
  return prisma.userSession.create({
    data: {
      id: randomBytes(24).toString("base64url"),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
    },
  });
}

export async function revokeUserSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Not signed out, not past its absolute end, for an active user. */
export async function isSessionOpen(prisma: PrismaClient, sessionId: string, now = new Date()): Promise<boolean> {
  const count = await prisma.userSession.count({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { active: true } },
  });
  return count > 0;
}

/** Ends every open session of a user (deactivation, password change or reset). */
export async function revokeAllUserSessions(prisma: Prisma.TransactionClient, userId: string): Promise<void> {
  await prisma.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Sessions past their end or revoked long ago are of no further use. */
export async function pruneUserSessions(prisma: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await prisma.userSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
