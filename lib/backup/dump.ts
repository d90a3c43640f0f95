import { createWriteStream, existsSync } from "node:fs";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupFileName,
  END_OF_DATA,
  END_PREFIX,
  loadOrder,
  SEQUENCES_PREFIX,
  TABLE_PREFIX,
  type BackupHeader,
} from "./format";

// The app's own logical dump (lib/backup/format.ts): one connection, one REPEATABLE READ snapshot,
// so every table shows the same moment, and COPY streamed through gzip into the file. It needs
// only SELECT rights, so the app's own role can run it. pg-boss's schema (the job queue) is left
// out: its jobs are transient, and the app recreates its queues at start.

export interface WrittenBackup {
  file: string;
  name: string;
  bytes: number;
  migration: string;
  rows: Record<string, number>;
}

/**
 * Tables a backup leaves out: the public board cache's change events matter for an hour to the
 * running instances (lib/cache/next-cache-handler.mjs), and a restore writes its own: through the
 * triggers while it copies the offers back, or (pg_restore) afterwards (restore.ts).
 */
export const NOT_BACKED_UP = ["cache_tag_event"];

/** Tables of the app in schema public (not the migration record), with their stored columns. */
export async function appTables(client: pg.Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
        AND c.relname <> '_prisma_migrations' AND NOT c.relname = ANY($1::text[])
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      GROUP BY c.relname ORDER BY c.relname`,
    [NOT_BACKED_UP],
  );
  return rows;
}

/** Foreign keys between tables of schema public. */
export async function foreignKeys(client: pg.Client): Promise<{ table: string; references: string }[]> {
  const { rows } = await client.query<{ table: string; references: string }>(
    `SELECT t.relname AS table, r.relname AS references
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace AND r.relnamespace = 'public'::regnamespace`,
  );
  return rows;
}

async function write(gzip: Gzip, data: string | Buffer) {
  if (!gzip.write(data)) await once(gzip, "drain");
}

/** Rows in a chunk of COPY text output: each row ends with exactly one line break. */
function countLines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
  return count;
}

/**
 * Writes a logical backup of `connectionString`'s database into `dir` and returns it. The file
 * appears under its final name only when complete (written as .partial, synced, renamed).
 */
export async function writeLogicalBackup(connectionString: string, dir: string, now = new Date()): Promise<WrittenBackup> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = backupFileName(now, "logical");
  const file = path.join(dir, name);
  if (existsSync(file)) throw new Error(`${name} exists already.`);
  const partial = `${file}.partial`;

  const client = new pg.Client({ connectionString, application_name: "wohnraum-backup" });
  await client.connect();
  // The file holds password hashes and personal data: readable by this user only.
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migration = await newestMigration(client);
    const serverVersion = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    const tables = await appTables(client);
    // Tables in foreign-key order, so a restore can fill them front to back with every check on.
    const order = loadOrder(
      tables.map((table) => table.name),
      await foreignKeys(client),
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      migration,
      createdAt: now.toISOString(),
      serverVersion,
    };
    await write(gzip, JSON.stringify(header) + "\n");

    const rows: Record<string, number> = {};
    for (const tableName of order) {
      const table = tables.find((candidate) => candidate.name === tableName)!;
      await write(gzip, `${TABLE_PREFIX}${table.name} ${JSON.stringify(table.columns)}\n`);
      const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
      const copy = client.query(copyTo(`COPY ${client.escapeIdentifier(table.name)} (${columns}) TO STDOUT`));
      let count = 0;
      for await (const chunk of copy) {
        count += countLines(chunk as Buffer);
        await write(gzip, chunk as Buffer);
      }
      rows[table.name] = count;
      await write(gzip, END_OF_DATA + "\n");
    }

    const sequences = await client.query<{ name: string; lastValue: string | null }>(
      `SELECT s.sequencename AS name, s.last_value::text AS "lastValue" FROM pg_sequences s
        WHERE s.schemaname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                           WHERE d.objid = format('public.%I', s.sequencename)::regclass AND d.deptype = 'a' AND t.relname = ANY($1::text[]))
        ORDER BY 1`,
      [NOT_BACKED_UP],
    );
    const sequenceValues = Object.fromEntries(sequences.rows.map((row) => [row.name, { lastValue: row.lastValue }]));
    await write(gzip, `${SEQUENCES_PREFIX}${JSON.stringify(sequenceValues)}\n`);
    await write(gzip, `${END_PREFIX}${JSON.stringify({ rows })}\n`);
    await client.query("COMMIT");
    gzip.end();
    await written;

    const handle = await open(partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
    return { file, name, bytes: (await stat(file)).size, migration, rows };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await unlink(partial).catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function newestMigration(client: pg.Client): Promise<string> {
  const none = new Error("The database has no migrations applied; there is nothing to back up.");
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  if (!rows[0]!.present) throw none;
  const applied = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  if (!applied.rows[0]) throw none;
  return applied.rows[0].migration_name;
}
