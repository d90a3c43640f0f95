import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { publishPoolStats } from "../metrics/hooks";
import { logger } from "../log";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** The app's client, on a pool of our own so that /api/metrics can tell how busy it is. */
export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL });
    // An idle connection that the server ends (restart, failover) must not end the process; the
    // pool opens a new one on the next query.
    pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
    publishPoolStats(() => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
    // The adapter ships its own (newer) @types/pg; at run time it is the same pg.Pool class.
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg(pool as unknown as ConstructorParameters<typeof PrismaPg>[0]) });
  }
  return globalForPrisma.prisma;
}

export type { PrismaClient };
export { Prisma } from "./generated/client";
