import { createHash } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrate";
import { testTempDir } from "../support/temp-dir";

// The per-file database is already migrated; these tests need an empty one of their own.
const adminUrl = new URL(process.env.DATABASE_URL!);
const emptyDb = `${adminUrl.pathname.slice(1)}_empty`;
const emptyUrl = Object.assign(new URL(adminUrl.toString()), { pathname: `/${emptyDb}` }).toString();

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => query(adminUrl.toString(), `CREATE DATABASE "${emptyDb}"`));
afterAll(() => query(adminUrl.toString(), `DROP DATABASE "${emptyDb}" WITH (FORCE)`));

describe("migration runner", () => {
  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const migrations = await readMigrations();
    const applied = await applyMigrations(emptyUrl);
    expect(applied).toEqual(migrations.map((migration) => migration.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      emptyUrl,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    for (const [index, migration] of migrations.entries()) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, migration.name, "migration.sql"));
      expect(rows[index]!.migration_name).toBe(migration.name);
      expect(rows[index]!.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(rows[index]!.finished_at).toBeInstanceOf(Date);
      expect(rows[index]!.applied_steps_count).toBe(1);
    }
  });

  it("does nothing the second time", async () => {
    expect(await applyMigrations(emptyUrl)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = await testTempDir("migrations-");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), first!.sql + "\n-- edited\n");
    await expect(applyMigrations(emptyUrl, { dir })).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    const dir = await testTempDir("migrations-");
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(dir, "99990101000000_broken"));
    await writeFile(
      path.join(dir, "99990101000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`,
    );
    await expect(applyMigrations(emptyUrl, { dir })).rejects.toThrow(/99990101000000_broken failed/);
    const tables = await query(emptyUrl, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(tables).toHaveLength(0);
    const recorded = await query(emptyUrl, `SELECT 1 FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`);
    expect(recorded).toHaveLength(0);
  });

  it("serialises concurrent runs: each migration is applied once", async () => {
    const raceDb = `${emptyDb}_race`;
    await query(adminUrl.toString(), `CREATE DATABASE "${raceDb}"`);
    const raceUrl = Object.assign(new URL(adminUrl.toString()), { pathname: `/${raceDb}` }).toString();
    try {
      const results = await Promise.all([applyMigrations(raceUrl), applyMigrations(raceUrl), applyMigrations(raceUrl)]);
      expect(results.flat()).toHaveLength((await readMigrations()).length);
    } finally {
      await query(adminUrl.toString(), `DROP DATABASE "${raceDb}" WITH (FORCE)`);
    }
  });
});
