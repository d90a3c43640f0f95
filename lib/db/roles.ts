import pg from "pg";
import PgBoss from "pg-boss";

// The running app (Next.js server, job workers, mail catcher) connects as its own login role with
// only the rights it needs; migrations and the demo seed run as the owner of the tables. Only an
// owner or a superuser can TRUNCATE a table, ALTER it or DISABLE its triggers, so the history of
// capacity reports and the audit trail stay append-only even for a compromised app process.
// docs/database-roles.sql shows the same statements for administrators of an external database.

/**
 * Tables the app may only read and append to. The table's migration creates it; adding it here in
 * the same change narrows the app role's rights, because the role's rights are re-applied after
 * every migration run (npm start, npm run db:migrate). Default privileges cannot express this.
 */
export const APPEND_ONLY_TABLES = ["capacity_report", "audit_event"] as const;

/** pg-boss's schema (lib/jobs/boss.ts). It creates a partition table per queue at run time. */
const PGBOSS_SCHEMA = "pgboss";

// Serialises set-ups of the same database (e.g. two instances starting at once).
const ROLE_SETUP_LOCK_KEY = 72707370;

export interface AppRole {
  role: string;
  password: string;
}

/** The app's connection: the owner's host, port, database and options, the app role's login. */
export function appDatabaseUrl(ownerUrl: string, app: AppRole): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(app.role);
  url.password = encodeURIComponent(app.password);
  return url.toString();
}

/** The login role of a connection URL. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates the app's login role (or sets its password) and gives it its rights; idempotent.
 * `ownerUrl` must connect as the owner of the migrated tables (or a superuser).
 */
export async function ensureAppRole(ownerUrl: string, app: AppRole): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await inTransaction(client, async () => {
      const role = client.escapeIdentifier(app.role);
      const password = client.escapeLiteral(app.password);
      const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [app.role]);
      if (!rowCount) {
        await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${password}`);
      } else {
        await client.query(`ALTER ROLE ${role} LOGIN PASSWORD ${password}`);
      }
    });
  });
  await grantAppRole(ownerUrl, app.role);
}

/** Gives an existing login role exactly the app's rights on the migrated database; idempotent. */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const role = client.escapeIdentifier(appRole);
    await inTransaction(client, async () => {
      const { rows } = await client.query<{ owner: string; database: string; can_act: boolean; powerful: boolean }>(
        `SELECT current_user AS owner, current_database() AS database,
                pg_has_role(current_user, $1, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) AS can_act,
                (SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = $1) AS powerful`,
        [appRole],
      );
      const { owner, database, can_act, powerful } = rows[0]!;
      // Grants cannot limit a role that bypasses the checks; refuse rather than pretend.
      if (powerful) throw new Error(`The role ${appRole} has administrative attributes; the app needs a plain login role.`);
      // Giving the pg-boss schema and its tables to the app role (below) needs this.
      if (!can_act) throw new Error(`The role ${owner} cannot act as ${appRole}; run GRANT ${role} TO ${client.escapeIdentifier(owner)}.`);
      const ownerRole = client.escapeIdentifier(owner);

      await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${role}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      // Rows, never structure: no TRUNCATE, REFERENCES or TRIGGER, and no ownership.
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      // Tables and sequences that later migrations create (as this owner) get the same rights.
      await client.query(
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerRole} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      );
      await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerRole} IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${role}`);
      for (const table of APPEND_ONLY_TABLES) {
        await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${client.escapeIdentifier(table)} FROM ${role}`);
      }
      // The migration record is the owner's business: the app only reads it, because the scheduled
      // backup (lib/backup) records the schema's version with the rows.
      await client.query(`DO $$ BEGIN
          IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
            REVOKE ALL ON TABLE public."_prisma_migrations" FROM ${role};
            GRANT SELECT ON TABLE public."_prisma_migrations" TO ${role};
          END IF;
        END $$`);

      // pg-boss creates tables in its schema at run time (one partition per queue, attached to
      // pgboss.job), which needs ownership of the schema and of pgboss.job. The app role owns the
      // schema, so it needs no CREATE right on the database (which would let it create schemas).
      const schema = client.escapeIdentifier(PGBOSS_SCHEMA);
      const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [PGBOSS_SCHEMA]);
      if (!rowCount) await client.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${role}`);
      else await client.query(`ALTER SCHEMA ${schema} OWNER TO ${role}`);
    });

    // pg-boss installs itself with CREATE SCHEMA IF NOT EXISTS, which PostgreSQL checks against
    // the database's CREATE right even when the schema exists. So the owner installs it (pg-boss's
    // own script, transaction and lock), and the objects are handed to the app role below.
    const { rows } = await client.query<{ installed: string | null }>("SELECT to_regclass($1)::text AS installed", [
      `${PGBOSS_SCHEMA}.version`,
    ]);
    if (!rows[0]?.installed) await client.query(PgBoss.getConstructionPlans(PGBOSS_SCHEMA));

    // Also covers installations from before the app role, where the owner ran pg-boss.
    await inTransaction(client, () => handOverSchemaObjects(client, PGBOSS_SCHEMA, appRole));
  });
}

/** Makes `role` the owner of every table, type and function in `schema`. */
async function handOverSchemaObjects(client: pg.Client, schema: string, role: string) {
  const { rows } = await client.query<{ kind: string; name: string }>(
    `SELECT 'TABLE' AS kind, c.oid::regclass::text AS name FROM pg_class c
      WHERE c.relnamespace = $1::text::regnamespace AND c.relkind IN ('r', 'p') AND c.relowner <> $2::text::regrole
     UNION ALL
     SELECT 'TYPE', t.oid::regtype::text FROM pg_type t
      WHERE t.typnamespace = $1::text::regnamespace AND t.typtype IN ('e', 'd') AND t.typowner <> $2::text::regrole
     UNION ALL
     SELECT 'ROUTINE', p.oid::regprocedure::text FROM pg_proc p
      WHERE p.pronamespace = $1::text::regnamespace AND p.proowner <> $2::text::regrole`,
    [schema, role],
  );
  // Indexes, sequences of identity columns and row types follow their table.
  for (const object of rows) {
    await client.query(`ALTER ${object.kind} ${object.name} OWNER TO ${client.escapeIdentifier(role)}`);
  }
}

/** A connection holding the set-up lock until it closes. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ROLE_SETUP_LOCK_KEY]);
    return await work(client);
  } finally {
    await client.end();
  }
}

async function inTransaction(client: pg.Client, work: () => Promise<void>) {
  await client.query("BEGIN");
  try {
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
