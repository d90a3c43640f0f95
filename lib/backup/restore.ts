import { once } from "node:events";
import { open } from "node:fs/promises";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { applyMigrations, readMigrations } from "../db/migrate";
import { appTables, foreignKeys, NOT_BACKED_UP } from "./dump";
import { BackupFileError, type BackupMethod } from "./format";
import { restorePgDump } from "./pg-tools";
import { readBackup, type BackupContents } from "./reader";
import { toolVersion } from "./method";

// Restores a backup into an empty database: migrate to the backup's version, then copy the rows
// back in one transaction, in the file's foreign-key order with every check on. The file is read
// completely once before anything changes, so a damaged or truncated file changes nothing.

/** The database is not empty, and --force was not given. */
export class RestoreRefused extends Error {}

/** Copying the rows failed; the transaction left every table empty. */
export class RestoreFailed extends Error {}

export interface RestoreResult {
  method: BackupMethod;
  /** Logical backups: the migration the schema was brought to, and the rows restored per table. */
  migration: string | null;
  rows: Record<string, number> | null;
}

export async function restoreBackup(options: {
  url: string;
  file: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const method = await backupMethodOf(options.file);
  let contents: BackupContents | null = null;
  if (method === "logical") {
    contents = await readBackup(options.file);
    const known = (await readMigrations()).map((migration) => migration.name);
    if (!known.includes(contents.header.migration)) {
      throw new BackupFileError(
        `The backup is at migration ${contents.header.migration}, which this version of the app does not know; update the app first.`,
      );
    }
    log(
      `The file is complete: ${contents.tables.length} tables, taken ${contents.header.createdAt} at migration ${contents.header.migration}.`,
    );
  } else if (!(await toolVersion("pg_restore"))) {
    throw new BackupFileError("This backup was written by pg_dump; restoring it needs pg_restore (the PostgreSQL client tools) on PATH.");
  }

  await clearTarget(options.url, options.force ?? false, log);
  if (!contents) {
    await restorePgDump(options.url, options.file);
    await recordListedExpiries(options.url);
    return { method, migration: null, rows: null };
  }
  await applyMigrations(options.url, { upTo: contents.header.migration, log });
  const rows = await copyRowsBack(options.url, options.file, contents);
  return { method, migration: contents.header.migration, rows };
}

/**
 * pg_restore creates the triggers after the rows, so the public board cache learns of no offer's
 * expiry: record them (migration 20261130090000_public_board_cache). A backup from before that
 * migration has no such function; the next start's migration records them then.
 */
async function recordListedExpiries(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: "wohnraum-restore" });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF to_regproc('public.cache_events_for_listed_offers') IS NOT NULL THEN PERFORM public.cache_events_for_listed_offers(); END IF;
    END $$`);
  } finally {
    await client.end();
  }
}

/** gzip: the app's logical format; PGDMP: pg_dump's custom format. */
export async function backupMethodOf(file: string): Promise<BackupMethod> {
  const handle = await open(file, "r").catch(() => {
    throw new BackupFileError(`There is no readable file ${file}.`);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return "logical";
    if (bytesRead === 5 && buffer.toString("latin1") === "PGDMP") return "pg_dump";
    throw new BackupFileError(`${file} is not a Wohnraum backup.`);
  } finally {
    await handle.close();
  }
}

/** What makes a database non-empty: applied migrations and tables with rows. */
export async function describeContents(client: pg.Client): Promise<{ migrations: number; tablesWithRows: string[] }> {
  const tables = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
  );
  let migrations = 0;
  const tablesWithRows: string[] = [];
  for (const { name } of tables.rows) {
    if (NOT_BACKED_UP.includes(name)) continue;
    if (name === "_prisma_migrations") {
      migrations = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0]!.n;
    } else if ((await client.query(`SELECT 1 FROM ${client.escapeIdentifier(name)} LIMIT 1`)).rowCount) {
      tablesWithRows.push(name);
    }
  }
  return { migrations, tablesWithRows };
}

/** Refuses a non-empty database; with `force`, empties it: schema public anew, pg-boss's schema gone. */
async function clearTarget(url: string, force: boolean, log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url, application_name: "wohnraum-restore" });
  await client.connect();
  try {
    const contents = await describeContents(client);
    if (!contents.migrations && !contents.tablesWithRows.length) return;
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    const what = [
      contents.migrations ? `${contents.migrations} migration(s) applied` : null,
      contents.tablesWithRows.length ? `rows in ${contents.tablesWithRows.length} table(s)` : null,
    ].filter(Boolean);
    if (!force) {
      throw new RestoreRefused(
        `The database ${database} is not empty (${what.join(", ")}). A restore would replace everything in it; run again with --force to do that.`,
      );
    }
    log(`--force: removing everything in the database ${database} (${what.join(", ")}).`);
    // A running app holds locks; waiting for it forever would look like a hang.
    await client.query("SET lock_timeout = '10s'");
    await client.query("BEGIN");
    try {
      const owner = (
        await client.query<{ owner: string }>(
          `SELECT COALESCE((SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'), current_user::text) AS owner`,
        )
      ).rows[0]!.owner;
      const grants = await client.query<{ grantee: string; privilege: string }>(
        `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee, a.privilege_type AS privilege
           FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public' AND a.grantee <> n.nspowner`,
      );
      await client.query("DROP SCHEMA IF EXISTS pgboss CASCADE");
      await client.query("DROP SCHEMA IF EXISTS public CASCADE");
      // The schema as the database had it: its owner (pg_database_owner since PostgreSQL 15) and grants.
      await client.query("SAVEPOINT create_schema");
      try {
        await client.query(`CREATE SCHEMA public AUTHORIZATION ${owner}`);
      } catch {
        await client.query("ROLLBACK TO SAVEPOINT create_schema");
        await client.query("CREATE SCHEMA public");
      }
      for (const grant of grants.rows) {
        if (/^[A-Z]+$/.test(grant.privilege)) await client.query(`GRANT ${grant.privilege} ON SCHEMA public TO ${grant.grantee}`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      if ((error as { code?: string }).code === "55P03") {
        throw new RestoreRefused("The database is in use (is the app still running?). Stop it, then restore again.");
      }
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Copies the file's rows into the migrated, empty tables in one transaction. */
async function copyRowsBack(url: string, file: string, contents: BackupContents): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url, application_name: "wohnraum-restore" });
  await client.connect();
  let stream: CopyStreamQuery | null = null;
  let done: Promise<void> = Promise.resolve();
  try {
    await client.query("BEGIN");
    const target = new Map((await appTables(client)).map((table) => [table.name, new Set(table.columns)]));
    const position = new Map(contents.tables.map((table, index) => [table.name, index]));
    for (const table of contents.tables) {
      const columns = target.get(table.name);
      const missing = table.columns.filter((column) => !columns?.has(column));
      if (!columns || missing.length) {
        throw new BackupFileError(`The backup's table ${table.name} does not match the schema of ${contents.header.migration}.`);
      }
    }
    for (const key of await foreignKeys(client)) {
      const [from, to] = [position.get(key.table), position.get(key.references)];
      if (from !== undefined && to !== undefined && to > from) {
        throw new BackupFileError(`The backup holds ${key.table} before ${key.references}, which it refers to.`);
      }
    }

    // Constraints added NOT VALID hold for new rows only: older rows may break them (e.g. reports
    // dated before 2000 in the append-only capacity_report). Re-added NOT VALID after the copy,
    // they are exactly as before.
    const unvalidated = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relnamespace = 'public'::regnamespace AND NOT c.convalidated ORDER BY 1, 2`,
    );
    const alter = (table: string) => `ALTER TABLE ${client.escapeIdentifier(table)}`;
    for (const constraint of unvalidated.rows) {
      await client.query(`${alter(constraint.table)} DROP CONSTRAINT ${client.escapeIdentifier(constraint.name)}`);
    }

    const rows: Record<string, number> = {};
    await readBackup(file, {
      tableStart: ({ name, columns }) => {
        const list = columns.map((column) => client.escapeIdentifier(column)).join(", ");
        stream = client.query(copyFrom(`COPY ${client.escapeIdentifier(name)} (${list}) FROM STDIN`));
        done = finished(stream);
        done.catch(() => {}); // awaited in tableEnd or below; an early failure must not go unhandled
        return Promise.resolve();
      },
      rows: async (data) => {
        if (!stream!.write(data)) await Promise.race([once(stream!, "drain"), done]);
      },
      tableEnd: async ({ name, rows: expected }) => {
        stream!.end();
        await done;
        const copied = stream!.rowCount;
        stream = null;
        if (copied !== expected) throw new BackupFileError(`Table ${name}: ${copied} rows restored, the backup holds ${expected}.`);
        rows[name] = copied;
      },
    });

    for (const [name, { lastValue }] of Object.entries(contents.sequences)) {
      if (lastValue !== null)
        await client.query("SELECT setval($1::regclass, $2::bigint, true)", [`public.${client.escapeIdentifier(name)}`, lastValue]);
    }
    for (const constraint of unvalidated.rows) {
      const definition = /\bNOT VALID$/.test(constraint.definition) ? constraint.definition : `${constraint.definition} NOT VALID`;
      await client.query(`${alter(constraint.table)} ADD CONSTRAINT ${client.escapeIdentifier(constraint.name)} ${definition}`);
    }
    await client.query("COMMIT");
    // Fresh tables have no statistics yet; the planner needs them for the evaluation's index probes.
    await client.query(`ANALYZE ${contents.tables.map((table) => client.escapeIdentifier(table.name)).join(", ")}`);
    return rows;
  } catch (error) {
    // A COPY still open must be ended (CopyFail) before the connection can roll back.
    const pending = stream as CopyStreamQuery | null;
    if (pending) {
      pending.destroy(error as Error);
      await done.catch(() => {});
    }
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof BackupFileError) throw error;
    throw new RestoreFailed(
      `Copying the rows failed, so none were kept; the schema stays at ${contents.header.migration}, and a new try needs --force. ` +
        `PostgreSQL said: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
