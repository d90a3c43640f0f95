import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadCountyEvaluation, loadReportForm } from "../../lib/capacity/queries";
import { submitCapacityReport } from "../../lib/capacity/submit";
import { berlinDay } from "../../lib/dates";
import { createPrismaClient, db } from "../../lib/db/client";
import { appDatabaseUrl } from "../../lib/db/roles";
import { resolveStand } from "../../lib/exports/lage-data";
import { BackupFileError } from "../../lib/backup/format";
import { NOT_BACKED_UP, writeLogicalBackup } from "../../lib/backup/dump";
import { describeContents, RestoreRefused, restoreBackup } from "../../lib/backup/restore";
import { createUser } from "../../lib/users/service";
import { databaseUrl } from "../support/database-global-setup";
import { SEED_DAY, seedDemoCounty } from "../support/fixtures";
import { runScript } from "../support/run-script";
import { testTempDir } from "../support/temp-dir";

// Backup and restore of the demo county (issue 13): `npm run db:backup` writes the app's logical
// dump, `npm run db:restore` fills a fresh database in the same cluster from it, and everything
// must be as it was: every row, the /lage evaluation, the append-only trigger, the NOT VALID
// constraints with the rows that break them, and the app role's rights.

const adminUrl = inject("databaseAdminUrl");
const sourceUrl = process.env.DATABASE_URL!; // the per-file database, as the superuser (the owner)
const base = new URL(sourceUrl).pathname.slice(1);
const targets = { restored: `${base}_restored`, empty: `${base}_empty` };
const targetUrl = databaseUrl(adminUrl, targets.restored);
const emptyUrl = databaseUrl(adminUrl, targets.empty);
const app = { role: `wohnraum_app_bk_${randomBytes(4).toString("hex")}`, password: randomBytes(18).toString("base64url") };

async function query<Row extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Row count and a checksum of every row of every app table; backup runs' own audit events aside,
 * and the tables a backup leaves out on purpose (the cache's change events, NOT_BACKED_UP).
 */
async function snapshot(url: string): Promise<Record<string, { n: number; sum: string }>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
        AND relname <> '_prisma_migrations' AND NOT relname = ANY($1::text[]) ORDER BY 1`,
    [NOT_BACKED_UP],
  );
  const result: Record<string, { n: number; sum: string }> = {};
  for (const { name } of tables) {
    const where = name === "audit_event" ? "WHERE t.subject_type <> 'backup'" : "";
    const [row] = await query<{ n: number; sum: string }>(
      url,
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM "${name}" t ${where}`,
    );
    result[name] = row!;
  }
  return result;
}

const migrations = (url: string) => query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);

/** Runs `work` with the app's data functions (db()) on another database. */
async function onDatabase<T>(url: string, work: () => Promise<T>): Promise<T> {
  const globals = globalThis as unknown as { prisma?: ReturnType<typeof db> };
  const saved = globals.prisma;
  const other = createPrismaClient(url);
  globals.prisma = other;
  try {
    return await work();
  } finally {
    globals.prisma = saved;
    await other.$disconnect();
  }
}

const restoreCli = (file: string, ...flags: string[]) =>
  runScript("scripts/db-restore.ts", { DATABASE_URL: appDatabaseUrl(targetUrl, app), MIGRATION_DATABASE_URL: targetUrl }, [file, ...flags]);

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
/** The backup the tests restore, kept for the whole file. */
let backupFile: string;
let keptDir: string;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  keptDir = await mkdtemp(path.join(os.tmpdir(), "backup-kept-"));
  demo = await seedDemoCounty();
  // Reports through the app, one with every character COPY must escape, and another user.
  const form = (await loadReportForm(demo.coordinator, "kommune-d"))!;
  const saved = await submitCapacityReport(demo.coordinator, "kommune-d", {
    ...form.prefill!.figures,
    reportingDate: berlinDay(),
    situation: "",
    baseReportId: form.baseReportId,
    comment: "Zeile 1\n\\.\nTab\there, Backslash \\ und Umlaute ÄÖÜß €",
    confirmedWarnings: ["HOUSED_ABOVE_ARRIVALS"],
    warningNote: "Sicherungstest",
  });
  expect(saved.status).toBe("saved");
  await createUser(demo.admin, { name: "Neue Kollegin", email: "neu@wohnraum.example", role: "PRESS", onboarding: "password" });
  // A row stored before the NOT VALID constraint existed (as in report-constraints.test.ts).
  const municipality = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-e" } });
  await db().$executeRawUnsafe(`ALTER TABLE capacity_report DROP CONSTRAINT capacity_report_reporting_date_check`);
  await db().$executeRawUnsafe(
    `INSERT INTO capacity_report (id, municipality_id, reporting_date, quota_outstanding) VALUES ('legacy-1', '${municipality.id}', DATE '0001-01-01', 9999)`,
  );
  await db().$executeRawUnsafe(
    `ALTER TABLE capacity_report ADD CONSTRAINT capacity_report_reporting_date_check CHECK (reporting_date >= DATE '2000-01-01' AND reporting_date <= ((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')::date) NOT VALID`,
  );
  for (const name of Object.values(targets)) await query(adminUrl, `CREATE DATABASE "${name}"`);
  await query(adminUrl, `CREATE ROLE "${app.role}" LOGIN PASSWORD '${app.password}'`);
});

afterAll(async () => {
  await rm(keptDir, { recursive: true, force: true });
  for (const name of Object.values(targets)) await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await query(adminUrl, `DROP ROLE IF EXISTS "${app.role}"`);
});

describe("npm run db:backup and npm run db:restore", () => {
  it("backs up the demo county into BACKUP_DIR, named with the date, and says which method it used", async () => {
    const dir = await testTempDir("backup-");
    before = await snapshot(sourceUrl);
    const started = performance.now();
    const result = await runScript("scripts/db-backup.ts", { DATABASE_URL: sourceUrl, BACKUP_DIR: dir }, ["--method=logical"]);
    console.log(`db:backup (tsx start included): ${Math.round(performance.now() - started)} ms`);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Method: the app's logical dump (--method=logical).");
    const written = /Backup written: (\S+) \(/.exec(result.stdout)?.[1];
    expect(path.basename(written!)).toMatch(/^wohnraum-\d{4}-\d{2}-\d{2}T\d{6}Z\.wrdump\.gz$/);
    expect(path.dirname(written!)).toBe(dir);
    const inProcess = performance.now();
    const again = await writeLogicalBackup(sourceUrl, await testTempDir("again-"));
    console.log(`writeLogicalBackup (in process, demo county): ${Math.round(performance.now() - inProcess)} ms, ${again.bytes} bytes`);
    backupFile = path.join(keptDir, "backup.wrdump.gz");
    await writeFile(backupFile, await readFile(written!));
    expect((await stat(written!)).mode & 0o777).toBe(0o600);

    // The file: header with the migration, a section per table, the trailer's counts.
    const text = gunzipSync(await readFile(backupFile)).toString("utf8");
    const header = JSON.parse(text.slice(0, text.indexOf("\n"))) as Record<string, unknown>;
    const newest = (await migrations(sourceUrl)).at(-1)!.migration_name;
    expect(header).toMatchObject({ format: "wohnraum-backup", version: 1, migration: newest });
    expect(text).not.toContain("@@table _prisma_migrations");
    expect(text).not.toContain("pgboss");
    const trailer = JSON.parse(text.trimEnd().split("\n").at(-1)!.slice("@@end ".length)) as { rows: Record<string, number> };
    expect(trailer.rows.capacity_report).toBe(before.capacity_report!.n);
    // Referenced tables come first, so the restore can keep every foreign key check on.
    expect(text.indexOf("@@table county ")).toBeLessThan(text.indexOf("@@table municipality "));
    expect(text.indexOf("@@table municipality ")).toBeLessThan(text.indexOf("@@table capacity_report "));

    const [event] = await query<{ action: string; after: Record<string, unknown> }>(
      sourceUrl,
      `SELECT action, after FROM audit_event WHERE subject_type = 'backup' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(event).toMatchObject({
      action: "backup.created",
      after: { file: path.basename(written!), method: "logical", trigger: "command" },
    });
    expect(event!.after.bytes).toBe((await stat(written!)).size);
  }, 60_000);

  it("restores into a fresh database: the same rows, the same /lage, the trigger, the constraints and the app role", async () => {
    const started = performance.now();
    const result = await restoreCli(backupFile);
    console.log(
      `db:restore (tsx start included): ${Math.round(performance.now() - started)} ms; ${result.stdout.trim().split("\n").at(-1)}`,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Restored .*: \d+ rows in \d+ tables at migration \d{14}_\w+/);

    expect(await snapshot(targetUrl)).toEqual(before);
    expect(await migrations(targetUrl)).toEqual(await migrations(sourceUrl));
    // The evaluation of /lage, for the same user, today and at the seed's day; rows before 2000 count nowhere.
    const evaluate = async () => ({
      today: await loadCountyEvaluation(demo.coordinator, berlinDay()),
      seedDay: await loadCountyEvaluation(demo.coordinator, await resolveStand(demo.coordinator, SEED_DAY)),
      before2000: await resolveStand(demo.coordinator, "2001-01-01").catch((error: { code?: string }) => error.code),
    });
    const original = await evaluate();
    expect(original.before2000).toBe("VALIDATION");
    expect(original.today!.rows.length).toBe(21);
    expect(await onDatabase(targetUrl, evaluate)).toEqual(original);

    // The old row is back, its constraint NOT VALID as before and still enforced for new rows.
    expect(await query(targetUrl, `SELECT quota_outstanding FROM capacity_report WHERE id = 'legacy-1'`)).toEqual([
      { quota_outstanding: 9999 },
    ]);
    expect(
      await query(
        targetUrl,
        `SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'capacity_report'::regclass AND contype = 'c' ORDER BY 1`,
      ),
    ).toEqual([
      { conname: "capacity_report_figures_non_negative_check", convalidated: true },
      { conname: "capacity_report_reporting_date_check", convalidated: false },
      { conname: "capacity_report_text_check", convalidated: false },
    ]);
    await expect(
      query(
        targetUrl,
        `INSERT INTO capacity_report (id, municipality_id, reporting_date) SELECT 'x', municipality_id, DATE '1999-01-01' FROM capacity_report LIMIT 1`,
      ),
    ).rejects.toThrow(/capacity_report_reporting_date_check/);
    // The append-only trigger refuses even the owner.
    await expect(query(targetUrl, `UPDATE capacity_report SET arrivals = 1`)).rejects.toThrow(/append-only/);
    await expect(query(targetUrl, `DELETE FROM capacity_report`)).rejects.toThrow(/append-only/);

    // The app role connects, appends, reads the migration record, and can change no report.
    const appUrl = appDatabaseUrl(targetUrl, app);
    await query(
      appUrl,
      `INSERT INTO capacity_report (id, municipality_id, reporting_date, arrivals) SELECT 'after-restore', id, current_date, 3 FROM municipality WHERE slug = 'kommune-a'`,
    );
    expect(await query(appUrl, `SELECT arrivals FROM capacity_report WHERE id = 'after-restore'`)).toEqual([{ arrivals: 3 }]);
    await expect(query(appUrl, `UPDATE capacity_report SET arrivals = 4 WHERE id = 'after-restore'`)).rejects.toThrow(/permission denied/);
    await expect(query(appUrl, `DELETE FROM capacity_report WHERE id = 'after-restore'`)).rejects.toThrow(/permission denied/);
    expect((await query(appUrl, `SELECT count(*)::int AS n FROM "_prisma_migrations"`))[0]!.n).toBeGreaterThan(0);
    expect(await query(targetUrl, `SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'pgboss'`)).toEqual([
      { owner: app.role },
    ]);
  }, 60_000);

  it("refuses the database it now holds rows in, unless --force, which replaces everything", async () => {
    const refused = await restoreCli(backupFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toMatch(
      /^\[wohnraum\] The database \S+ is not empty \(\d+ migration\(s\) applied, rows in \d+ table\(s\)\)\. .*--force/,
    );
    expect(await query(targetUrl, `SELECT id FROM capacity_report WHERE id = 'after-restore'`)).toHaveLength(1);

    const forced = await restoreCli(backupFile, "--force");
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("--force: removing everything in the database");
    // The row added after the first restore is gone; everything else is as in the backup.
    expect(await snapshot(targetUrl)).toEqual(before);
    const appUrl = appDatabaseUrl(targetUrl, app);
    await query(
      appUrl,
      `INSERT INTO capacity_report (id, municipality_id, reporting_date) SELECT 'again', id, current_date FROM municipality LIMIT 1`,
    );
    await expect(query(appUrl, `UPDATE capacity_report SET arrivals = 4 WHERE id = 'again'`)).rejects.toThrow(/permission denied/);
  }, 60_000);

  it("refuses a truncated file with a clear error and leaves the target untouched", async () => {
    const truncated = path.join(await testTempDir("truncated-"), "truncated.wrdump.gz");
    const whole = await readFile(backupFile);
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const result = await runScript("scripts/db-restore.ts", { DATABASE_URL: emptyUrl }, [truncated]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "[wohnraum] The restore failed; no rows were restored: The backup file is incomplete (it ends in the middle): it was truncated.",
    );
    expect(await query(emptyUrl, `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([
      { n: 0 },
    ]);
  }, 60_000);

  it("refuses damaged files before changing anything, and copies all rows in one transaction", async () => {
    const dir = await testTempDir("damaged-");
    const lines = gunzipSync(await readFile(backupFile))
      .toString("utf8")
      .split("\n");
    const variant = async (name: string, edit: (lines: string[]) => string[]) => {
      const file = path.join(dir, name);
      await writeFile(file, gzipSync(edit([...lines]).join("\n")));
      return file;
    };
    await writeFile(path.join(dir, "notes.txt"), "Notizen");
    await expect(restoreBackup({ url: emptyUrl, file: path.join(dir, "notes.txt") })).rejects.toThrow(
      /notes\.txt is not a Wohnraum backup\./,
    );
    const noEnd = await variant("no-end", (all) => all.filter((line) => !line.startsWith("@@end ")));
    const wrongCount = await variant("count", (all) => all.map((line) => line.replace(/"county":1\b/, '"county":2')));
    for (const [file, message] of [
      [noEnd, /no end mark/],
      [wrongCount, /row counts do not match/],
    ] as const) {
      await expect(restoreBackup({ url: emptyUrl, file })).rejects.toThrow(message);
      await expect(restoreBackup({ url: emptyUrl, file })).rejects.toBeInstanceOf(BackupFileError);
    }
    expect(await query(emptyUrl, `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([
      { n: 0 },
    ]);

    // Complete and counted, but the last report points at no municipality: the copy fails late,
    // after many tables were filled, and the transaction leaves every table empty.
    const brokenReference = await variant("reference", (all) => {
      const end = all.findIndex(
        (line, index) => line === "\\." && all.slice(0, index).some((l) => l.startsWith("@@table capacity_report ")),
      );
      const columns = JSON.parse(
        all
          .find((line) => line.startsWith("@@table capacity_report "))!
          .split(" ")
          .slice(2)
          .join(" "),
      ) as string[];
      const fields = all[end - 1]!.split("\t");
      fields[columns.indexOf("municipality_id")] = "nowhere";
      all[end - 1] = fields.join("\t");
      return all;
    });
    await expect(restoreBackup({ url: emptyUrl, file: brokenReference })).rejects.toThrow(
      /^Copying the rows failed, so none were kept; .* PostgreSQL said: .*capacity_report_municipality_id_fkey/,
    );
    const contents = await (async () => {
      const client = new pg.Client({ connectionString: emptyUrl });
      await client.connect();
      try {
        return await describeContents(client);
      } finally {
        await client.end();
      }
    })();
    expect(contents.tablesWithRows).toEqual([]);
    expect(contents.migrations).toBeGreaterThan(0);

    // As the message says: a new try with --force (here with the good file) replaces the half-restored schema.
    await expect(restoreBackup({ url: emptyUrl, file: backupFile })).rejects.toBeInstanceOf(RestoreRefused);
    const started = performance.now();
    const restored = await restoreBackup({ url: emptyUrl, file: backupFile, force: true });
    console.log(`restoreBackup (in process, demo county, --force): ${Math.round(performance.now() - started)} ms`);
    expect(restored.rows!.capacity_report).toBe(before.capacity_report!.n);
    expect(await snapshot(emptyUrl)).toEqual(before);
  });
});
