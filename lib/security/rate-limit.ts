import type { PrismaClient } from "../db/client";

// One rate limiter for sign-in, password changes and the public board, stored in PostgreSQL so
// that it holds across app instances. Counting and recording one attempt happen under an
// advisory lock per key, in one short transaction: of 100 parallel requests from one address,
// exactly as many pass as the limit allows. Nothing slow (such as password hashing) runs inside.

export interface Limit {
  /** What is counted, e.g. "sign-in:address:192.0.2.1". */
  key: string;
  /** Attempts allowed within the window. */
  max: number;
  windowSeconds: number;
  /**
   * Slows instead of locking: once `after` attempts are in the window, the next must wait
   * `baseSeconds · 2^(n − after)` after the latest, at most `maxSeconds`.
   */
  progressive?: { after: number; baseSeconds: number; maxSeconds: number };
}

export type LimitDecision = { ok: true; hitIds: string[] } | { ok: false; key: string; retryAfterSeconds: number };

/** Checks every limit and, only if all allow it, records one attempt against each. */
export async function consumeLimits(prisma: PrismaClient, limits: Limit[], clock: () => Date = () => new Date()): Promise<LimitDecision> {
  // Locks are taken in key order, so two requests sharing keys can never wait on each other in a cycle.
  const ordered = [...limits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return prisma.$transaction(
    async (tx) => {
      for (const limit of ordered) {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`rate-limit:${limit.key}`}, 0))`;
      }
      // The time is read once the locks are held: a request that waited must see (and be dated
      // after) every attempt recorded while it waited.
      const now = clock();
      for (const limit of ordered) {
        const since = new Date(now.getTime() - limit.windowSeconds * 1000);
        const [stats] = await tx.$queryRaw<{ n: number; oldest: Date | null; latest: Date | null }[]>`
          SELECT count(*)::int AS n, min(created_at) AS oldest, max(created_at) AS latest
            FROM rate_limit_hit WHERE key = ${limit.key} AND created_at > ${since}`;
        const count = stats?.n ?? 0;
        if (count >= limit.max) {
          const freeAt = (stats!.oldest!.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000;
          return { ok: false as const, key: limit.key, retryAfterSeconds: Math.max(1, Math.ceil(freeAt)) };
        }
        const slow = limit.progressive;
        if (slow && count >= slow.after && stats?.latest) {
          const delay = Math.min(slow.maxSeconds, slow.baseSeconds * 2 ** (count - slow.after));
          const waited = (now.getTime() - stats.latest.getTime()) / 1000;
          if (waited < delay) return { ok: false as const, key: limit.key, retryAfterSeconds: Math.max(1, Math.ceil(delay - waited)) };
        }
      }
      const hits = await tx.rateLimitHit.createManyAndReturn({
        data: ordered.map((limit) => ({ key: limit.key, createdAt: now })),
        select: { id: true },
      });
      return { ok: true as const, hitIds: hits.map((hit) => hit.id) };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** Takes recorded attempts back, e.g. a successful sign-in is not a failure. */
export async function releaseHits(prisma: PrismaClient, hitIds: string[]): Promise<void> {
  if (hitIds.length) await prisma.rateLimitHit.deleteMany({ where: { id: { in: hitIds } } });
}

/** Attempts older than the longest window no longer count; a daily job removes them. */
export async function pruneRateLimitHits(prisma: PrismaClient, olderThanSeconds = 86_400, now = new Date()): Promise<number> {
  const { count } = await prisma.rateLimitHit.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } },
  });
  return count;
}
