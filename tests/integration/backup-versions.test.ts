import { chmod, readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeLogicalBackup } from "../../lib/backup/dump";
import { chooseBackupMethod, toolVersion } from "../../lib/backup/method";
import { restoreBackup } from "../../lib/backup/restore";
import { applyMigrations, readMigrations } from "../../lib/db/migrate";
import { DATABASE_NAME } from "../../lib/platform/database-setup";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/platform/embedded-postgres";
import { databaseUrl } from "../support/database-global-setup";
import { runScript } from "../support/run-script";
import { testTempDir } from "../support/temp-dir";

// Backups across versions and alongside a running app: a restore migrates to the backup's own
// migration (applyMigrations' `upTo`) and the next start migrates forward; `npm run db:backup`
// uses the embedded PostgreSQL that `npm start` runs, and `npm run db:restore` refuses it.

const adminUrl = inject("databaseAdminUrl");
const base = new URL(process.env.DATABASE_URL!).pathname.slice(1);
const targets = { older: `${base}_older`, fresh: `${base}_fresh` };

async function query<Row extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

const migrations = (url: string) => query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);

beforeAll(async () => {
  for (const name of Object.values(targets)) await query(adminUrl, `CREATE DATABASE "${name}"`);
});

afterAll(async () => {
  for (const name of Object.values(targets)) await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("backups across versions and next to a running app", () => {
  it("works while npm start runs the embedded PostgreSQL, whose restore it refuses", async () => {
    const dataDir = await testTempDir("embedded-");
    await chmod(dataDir, 0o755); // the postgres user must reach it when the tests run as root
    const cluster = await startEmbeddedPostgres({ dataDir });
    try {
      await ensureDatabase(cluster.connectionString("postgres"), DATABASE_NAME);
      await applyMigrations(cluster.connectionString(DATABASE_NAME));
      const backup = await runScript("scripts/db-backup.ts", { WOHNRAUM_DATA_DIR: dataDir });
      expect(backup.stderr).toBe("");
      expect(backup.stdout).toContain(`Using the embedded PostgreSQL that is running (port ${cluster.port}).`);
      // Without --method, the choice of lib/backup/method.ts for this machine's pg_dump and server.
      const [server] = await query<{ server_version_num: string }>(cluster.connectionString("postgres"), "SHOW server_version_num");
      const choice = chooseBackupMethod({ pgDumpVersion: await toolVersion("pg_dump"), serverVersion: Number(server!.server_version_num) });
      const described = choice.method === "logical" ? "the app's logical dump" : "pg_dump --format=custom";
      expect(backup.stdout).toContain(`Method: ${described} (${choice.reason}).`);
      const [file] = await readdir(path.join(dataDir, "backups"));
      expect(file).toMatch(choice.method === "logical" ? /^wohnraum-.*Z\.wrdump\.gz$/ : /^wohnraum-.*Z\.pgdump$/);
      const restore = await runScript("scripts/db-restore.ts", { WOHNRAUM_DATA_DIR: dataDir }, [path.join(dataDir, "backups", file!)]);
      expect(restore.code).toBe(1);
      expect(restore.stderr.trim()).toBe("[wohnraum] The embedded PostgreSQL is running (npm start?). Stop the app first, then restore.");
    } finally {
      await cluster.stop();
    }
  }, 60_000);

  it("migrates to the backup's own version, and the next start migrates forward over its old rows", async () => {
    const all = (await readMigrations()).map((migration) => migration.name);
    const older = "20261124090000_unchanged_report";
    const upToOlder = all.slice(0, all.indexOf(older) + 1);
    const olderUrl = databaseUrl(adminUrl, targets.older);
    const freshUrl = databaseUrl(adminUrl, targets.fresh);
    expect(await applyMigrations(olderUrl, { upTo: older })).toEqual(upToOlder);
    await expect(applyMigrations(olderUrl, { upTo: all[1] })).rejects.toThrow(
      `The database is already at migration ${older}, past ${all[1]}.`,
    );
    await expect(applyMigrations(olderUrl, { upTo: "29990101000000_future" })).rejects.toThrow(/29990101000000_future is not known/);
    // Before the constraints migration, a report dated 1970 could be stored.
    await query(
      olderUrl,
      `INSERT INTO county (id, name, slug) VALUES ('c', 'Landkreis', 'landkreis');
       INSERT INTO municipality (id, county_id, name, slug) VALUES ('m', 'c', 'Kommune', 'kommune');
       INSERT INTO capacity_report (id, municipality_id, reporting_date, arrivals) VALUES ('old', 'm', DATE '1970-01-01', 1), ('new', 'm', DATE '2026-11-02', 2);`,
    );
    const written = await writeLogicalBackup(olderUrl, await testTempDir("older-"));
    expect(written.migration).toBe(older);

    const restored = await restoreBackup({ url: freshUrl, file: written.file });
    expect(restored).toMatchObject({ method: "logical", migration: older, rows: { county: 1, municipality: 1, capacity_report: 2 } });
    expect((await migrations(freshUrl)).map((row) => row.migration_name)).toEqual(upToOlder);
    expect(await applyMigrations(freshUrl)).toEqual(all.slice(upToOlder.length));
    expect(await query(freshUrl, `SELECT id FROM capacity_report ORDER BY id`)).toEqual([{ id: "new" }, { id: "old" }]);
  });
});
