import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBoss, QUEUES, type PgBoss } from "../../lib/jobs/boss";
import { appDatabaseUrl, ensureAppRole, grantAppRole } from "../../lib/db/roles";
import { databaseUrl } from "../support/database-global-setup";
import { runScript } from "../support/run-script";

// The app's least-privilege role against a real PostgreSQL: what it may do, what only the owner
// may do, and pg-boss running under it. Roles are cluster-wide: unique names, dropped at the end.

const adminUrl = inject("databaseAdminUrl");
const template = inject("templateDatabase");
const ownerUrl = process.env.DATABASE_URL!; // the per-file database, as the superuser who migrated it
const suffix = randomBytes(4).toString("hex");
const app = { role: `wohnraum_app_test_${suffix}`, password: randomBytes(18).toString("base64url") };
const external = { role: `wohnraum_ext_test_${suffix}`, password: randomBytes(18).toString("base64url") };
const extraDatabases = [`${new URL(ownerUrl).pathname.slice(1)}_before`, `${new URL(ownerUrl).pathname.slice(1)}_ext`];
const bosses: PgBoss[] = [];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const run = <Row extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []) =>
  withClient(url, (client) => client.query<Row>(sql, params));

/** Owner-side rows the app's statements refer to. */
async function seed(url: string) {
  await run(
    url,
    `INSERT INTO county (id, name, slug) VALUES ('c1', 'Testkreis', 'testkreis');
    INSERT INTO municipality (id, county_id, name, slug) VALUES ('m1', 'c1', 'Testdorf', 'testdorf');
    INSERT INTO app_user (id, email, name, role, county_id, updated_at) VALUES ('u1', 'a@example.org', 'A', 'ADMIN', 'c1', now());`,
  );
}

/** pg-boss as the app role: starts (creating its queue partitions), sends and fetches a job. */
async function expectBossWorks(url: string) {
  const boss = await createBoss(url);
  bosses.push(boss);
  await boss.createQueue(`roles-test-${suffix}`); // one more partition table at run time
  const id = await boss.send(QUEUES.sendMail, { to: "a@example.org", subject: "Test", text: "Hallo" });
  const [job] = await boss.fetch<{ subject: string }>(QUEUES.sendMail);
  expect(job?.id).toBe(id);
  expect(job?.data.subject).toBe("Test");
  await boss.complete(QUEUES.sendMail, job!.id);
  await boss.stop({ graceful: false, wait: true });
}

/** What the app role may and may not do; `url` connects as the app role. */
async function expectAppRights(url: string) {
  const id = randomBytes(4).toString("hex");
  await withClient(url, async (client) => {
    const denied = (sql: string) => expect(client.query(sql)).rejects.toThrow(/permission denied|must be owner/);

    await client.query(
      `INSERT INTO capacity_report (id, municipality_id, reporting_date, arrivals) VALUES ('r-${id}', 'm1', '2026-11-02', 5)`,
    );
    await client.query(`INSERT INTO audit_event (id, action, subject_type, subject_id) VALUES ('a-${id}', 'test', 'report', 'r-${id}')`);
    expect((await client.query(`SELECT arrivals FROM capacity_report WHERE id = 'r-${id}'`)).rows).toEqual([{ arrivals: 5 }]);
    expect((await client.query(`SELECT action FROM audit_event WHERE id = 'a-${id}'`)).rows).toEqual([{ action: "test" }]);

    for (const table of ["capacity_report", "audit_event"]) {
      await denied(`UPDATE ${table} SET created_at = now()`);
      await denied(`DELETE FROM ${table}`);
      await denied(`TRUNCATE ${table}`);
      await denied(`ALTER TABLE ${table} DISABLE TRIGGER ALL`);
    }
    await denied("ALTER TABLE capacity_report DISABLE TRIGGER capacity_report_append_only");
    await denied("DROP TRIGGER capacity_report_append_only ON capacity_report");
    await denied("SET session_replication_role = replica"); // would skip triggers
    await denied("CREATE TABLE public.app_made (id int)");
    await denied("CREATE SCHEMA app_made");
    // The scheduled backup reads the migration version; writing the record stays the owner's.
    expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations"')).rows[0]!.n).toBeGreaterThan(0);
    await denied(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'x', 'x')`);
    await denied('UPDATE "_prisma_migrations" SET logs = NULL');
    await denied('DELETE FROM "_prisma_migrations"');

    expect((await client.query("UPDATE app_user SET name = 'B' WHERE id = 'u1'")).rowCount).toBe(1);
    await client.query("INSERT INTO sign_in_attempt (id, email, ip_address, succeeded) VALUES ('s1', 'a@example.org', '127.0.0.1', false)");
    expect((await client.query("DELETE FROM sign_in_attempt WHERE id = 's1'")).rowCount).toBe(1);
  });
  const count = await run<{ n: number }>(ownerUrlOf(url), `SELECT count(*)::int AS n FROM capacity_report WHERE id = 'r-${id}'`);
  expect(count.rows[0]!.n).toBe(1);
}

/** The superuser's connection to the database `url` points at. */
const ownerUrlOf = (url: string) => databaseUrl(adminUrl, new URL(url).pathname.slice(1));

/** Every table, type and function in pg-boss's schema belongs to `role`. */
async function expectPgBossOwnedBy(url: string, role: string) {
  const { rows } = await run<{ n: number }>(
    url,
    `SELECT count(*)::int AS n FROM (
       SELECT relowner AS owner FROM pg_class WHERE relnamespace = 'pgboss'::regnamespace
       UNION ALL SELECT typowner FROM pg_type WHERE typnamespace = 'pgboss'::regnamespace
       UNION ALL SELECT proowner FROM pg_proc WHERE pronamespace = 'pgboss'::regnamespace
       UNION ALL SELECT nspowner FROM pg_namespace WHERE nspname = 'pgboss') objects
     WHERE owner <> $1::text::regrole`,
    [role],
  );
  expect(rows[0]!.n).toBe(0);
}

beforeAll(async () => {
  for (const name of extraDatabases) await run(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await seed(ownerUrl);
});

afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => {});
  for (const name of extraDatabases) await run(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  // Roles are cluster-wide: remove what they own or were granted here, then the roles.
  await run(ownerUrl, `DROP OWNED BY "${app.role}", "${external.role}"`).catch(() => {});
  await run(adminUrl, `DROP ROLE IF EXISTS "${app.role}"`);
  await run(adminUrl, `DROP ROLE IF EXISTS "${external.role}"`);
});

describe("the app's database role", () => {
  const appUrl = appDatabaseUrl(ownerUrl, app);

  it("reads and appends to the history, changes ordinary rows, and nothing more", async () => {
    await ensureAppRole(ownerUrl, app);
    await expectAppRights(appUrl);
  });

  it("runs pg-boss, which creates its tables in the schema the role owns", async () => {
    await expectBossWorks(appUrl);
    await expectPgBossOwnedBy(ownerUrl, app.role);
  });

  it("gets the same rights on tables that later migrations create", async () => {
    await run(ownerUrl, "CREATE TABLE later_table (id serial PRIMARY KEY, note text)");
    await withClient(appUrl, async (client) => {
      await client.query("INSERT INTO later_table (note) VALUES ('neu')");
      expect((await client.query("UPDATE later_table SET note = 'geändert'")).rowCount).toBe(1);
      expect((await client.query("SELECT note FROM later_table")).rows).toEqual([{ note: "geändert" }]);
      expect((await client.query("DELETE FROM later_table")).rowCount).toBe(1);
      await expect(client.query("TRUNCATE later_table")).rejects.toThrow(/permission denied/);
    });
  });

  it("can be ensured again, e.g. with a new password", async () => {
    const renewed = { ...app, password: randomBytes(18).toString("base64url") };
    await ensureAppRole(ownerUrl, renewed);
    await ensureAppRole(ownerUrl, renewed);
    await expect(run(appUrl, "SELECT 1")).rejects.toThrow(/password authentication failed/);
    await expectAppRights(appDatabaseUrl(ownerUrl, renewed));
    await expectBossWorks(appDatabaseUrl(ownerUrl, renewed));
    app.password = renewed.password;
  });

  it("refuses to pass a role with administrative attributes off as the app role", async () => {
    const superuser = decodeURIComponent(new URL(ownerUrl).username);
    await expect(grantAppRole(ownerUrl, superuser)).rejects.toThrow(/administrative attributes/);
  });

  it("takes over pg-boss's tables in a database where pg-boss ran as the owner before", async () => {
    const before = databaseUrl(adminUrl, extraDatabases[0]!);
    await seed(before);
    const ownerBoss = await createBoss(before);
    await ownerBoss.send(QUEUES.sendMail, { subject: "from before" });
    await ownerBoss.stop({ graceful: false, wait: true });

    await ensureAppRole(before, app);
    await expectPgBossOwnedBy(before, app.role);
    await expectAppRights(appDatabaseUrl(before, app));
    const boss = await createBoss(appDatabaseUrl(before, app));
    bosses.push(boss);
    const [job] = await boss.fetch<{ subject: string }>(QUEUES.sendMail);
    expect(job?.data.subject).toBe("from before");
  });

  it("external database: docs/database-roles.sql, then db:migrate with MIGRATION_DATABASE_URL", async () => {
    const database = extraDatabases[1]!;
    const owner = databaseUrl(adminUrl, database);
    await seed(owner);
    const variables: Record<string, string> = {
      app_role: external.role,
      app_password: external.password,
      owner_role: decodeURIComponent(new URL(owner).username),
      database,
    };
    const script = (await readFile(path.join("docs", "database-roles.sql"), "utf8"))
      .replace(/:"(\w+)"/g, (_, name: string) => pg.escapeIdentifier(variables[name]!))
      .replace(/:'(\w+)'/g, (_, name: string) => pg.escapeLiteral(variables[name]!));
    await run(owner, script);
    const extUrl = appDatabaseUrl(owner, external);
    await expectAppRights(extUrl); // the documented grants alone

    const migrated = await runScript("scripts/db-migrate.ts", { DATABASE_URL: extUrl, MIGRATION_DATABASE_URL: owner });
    expect(migrated.stderr).toBe("");
    expect(migrated.stdout).toMatch(/up to date/);
    await expectAppRights(extUrl);
    await expectBossWorks(extUrl);
    await expectPgBossOwnedBy(owner, external.role);
  });
});
