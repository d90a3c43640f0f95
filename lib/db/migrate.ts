import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records
// them in `_prisma_migrations` exactly as `prisma migrate deploy` would (same columns, sha256
// checksum of the file), so a networked machine running Prisma's CLI sees the same state.

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Prisma Migrate's own advisory lock key: two starting instances (or our runner and Prisma's)
// never apply migrations at the same time.
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * `upTo`: apply migrations only up to and including this one (a restore recreates the schema of
 * the backup's version; the app's next start migrates forward). A database already past it, or a
 * name this version does not know, is an error.
 */
export async function applyMigrations(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void; upTo?: string } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const known = await readMigrations(options.dir);
  const { upTo } = options;
  if (upTo !== undefined && !known.some((migration) => migration.name === upTo)) {
    throw new MigrationError(`Migration ${upTo} is not known to this version; it needs a newer version of the app.`);
  }
  const migrations = upTo === undefined ? known : known.filter((migration) => migration.name <= upTo);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const recorded = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));

    for (const row of recorded.values()) {
      if (row.finished_at === null) {
        throw new MigrationError(`Migration ${row.migration_name} failed earlier and is marked unfinished; resolve it before starting.`);
      }
      const file = known.find((migration) => migration.name === row.migration_name);
      if (!file) {
        throw new MigrationError(`The database has migration ${row.migration_name}, which this version does not know.`);
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(`Migration ${row.migration_name} was changed after it was applied; migrations must not be edited.`);
      }
    }
    const newest = [...recorded.keys()].sort().at(-1);
    if (upTo !== undefined && newest !== undefined && newest > upTo) {
      throw new MigrationError(`The database is already at migration ${newest}, past ${upTo}.`);
    }

    for (const migration of migrations) {
      if (recorded.has(migration.name)) continue;
      const startedAt = new Date();
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
      log(`Applied migration ${migration.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}
