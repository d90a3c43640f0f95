import pg from "pg";
import type { PrismaClient } from "../db/client";
import { sanitizeLogText } from "../log";
import { writeLogicalBackup } from "./dump";
import { backupFileName, type BackupMethod } from "./format";
import { chooseBackupMethod, toolVersion } from "./method";
import { writePgDumpBackup } from "./pg-tools";
import { pruneBackups } from "./retention";

// One backup run, from `npm run db:backup` or the daily job: write the file, keep the newest
// files (job only), and record the run as an audit event, which the admin page lists. A failed
// run is recorded too and returned, not thrown, so the caller can tell the admins.

export type BackupTrigger = "schedule" | "command";

export interface BackupRun {
  ok: boolean;
  /** The file's name (in `dir`); for a failed run the name it would have had. */
  name: string;
  dir: string;
  bytes: number;
  method: BackupMethod;
  /** Why this method (see lib/backup/method.ts). */
  reason: string;
  durationMs: number;
  migration?: string;
  /** Logical dumps: rows per table. */
  rows?: Record<string, number>;
  /** Older backup files deleted by the retention rule. */
  deleted: string[];
  /** German, without connection details: shown to admins. */
  error?: string;
}

/** What the audit event keeps about a run (`after`), read back by lib/backup/queries.ts. */
export interface BackupAuditData {
  file: string;
  dir: string;
  bytes: number;
  method: BackupMethod;
  durationMs: number;
  trigger: BackupTrigger;
  migration?: string;
  deleted?: string[];
  error?: string;
}

export async function runBackup(options: {
  prisma: PrismaClient;
  connectionString: string;
  dir: string;
  method: "auto" | BackupMethod;
  trigger: BackupTrigger;
  /** Delete the oldest backup files beyond this many after a successful run. */
  keep?: number;
  now?: Date;
}): Promise<BackupRun> {
  const now = options.now ?? new Date();
  const started = performance.now();
  const forced: BackupMethod = options.method === "pg_dump" ? "pg_dump" : "logical";
  const run: BackupRun = {
    ok: false,
    name: backupFileName(now, forced),
    dir: options.dir,
    bytes: 0,
    method: forced,
    reason: options.trigger === "schedule" ? "the scheduled backup" : `--method=${options.method}`,
    durationMs: 0,
    deleted: [],
  };
  try {
    if (options.method !== "logical") {
      const choice = chooseBackupMethod({
        pgDumpVersion: await toolVersion("pg_dump"),
        serverVersion: await serverVersionNum(options.connectionString),
      });
      if (options.method === "pg_dump" && choice.method !== "pg_dump") throw new Error(`pg_dump cannot be used: ${choice.reason}.`);
      Object.assign(run, { method: choice.method, reason: choice.reason, name: backupFileName(now, choice.method) });
    }
    if (run.method === "logical") {
      const written = await writeLogicalBackup(options.connectionString, options.dir, now);
      Object.assign(run, { ok: true, name: written.name, bytes: written.bytes, migration: written.migration, rows: written.rows });
    } else {
      const written = await writePgDumpBackup(options.connectionString, options.dir, now);
      Object.assign(run, { ok: true, name: written.name, bytes: written.bytes });
    }
  } catch (error) {
    run.error = describeBackupError(error);
  }
  if (run.ok && options.keep) {
    try {
      run.deleted = await pruneBackups(options.dir, options.keep, run.name);
    } catch (error) {
      // The folder would fill up: the admins must hear of it, as of a failed backup.
      run.ok = false;
      run.error = `Die Sicherung wurde geschrieben, aber ältere Sicherungen konnten nicht gelöscht werden: ${describeBackupError(error)}`;
    }
  }
  run.durationMs = Math.round(performance.now() - started);
  const after: BackupAuditData = {
    file: run.name,
    dir: run.dir,
    bytes: run.bytes,
    method: run.method,
    durationMs: run.durationMs,
    trigger: options.trigger,
    ...(run.migration ? { migration: run.migration } : {}),
    ...(run.deleted.length ? { deleted: run.deleted } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
  await options.prisma.auditEvent.create({
    data: {
      countyId: null,
      actorId: null,
      action: run.ok ? "backup.created" : "backup.failed",
      subjectType: "backup",
      subjectId: run.name,
      after: { ...after },
    },
  });
  return run;
}

async function serverVersionNum(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return Number((await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v);
  } finally {
    await client.end();
  }
}

const KNOWN_ERRORS: Record<string, string> = {
  ECONNREFUSED: "Die Datenbank war nicht erreichbar",
  ENOTFOUND: "Der Datenbankserver wurde nicht gefunden",
  ETIMEDOUT: "Die Datenbank hat nicht rechtzeitig geantwortet",
  "57P01": "Die Datenbank wurde während der Sicherung beendet",
  "57P03": "Die Datenbank startet gerade oder fährt herunter",
  "28P01": "Die Anmeldung an der Datenbank ist fehlgeschlagen",
  "42501": "Der Datenbankrolle fehlen Leserechte",
  ENOSPC: "Im Sicherungsordner ist kein Speicherplatz mehr frei",
  EACCES: "Im Sicherungsordner fehlen Schreibrechte",
  EPERM: "Im Sicherungsordner fehlen Schreibrechte",
  EEXIST: "Der Sicherungsordner kann nicht angelegt werden: dort liegt eine Datei",
  ENOTDIR: "Der Sicherungsordner kann nicht angelegt werden: ein Teil des Pfads ist eine Datei",
};

/** For admins and the audit trail: the cause in words, never a connection string or password. */
export function describeBackupError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && KNOWN_ERRORS[code]) return `${KNOWN_ERRORS[code]} (${code}).`;
  const message = error instanceof Error ? error.message : String(error);
  return sanitizeLogText(message.split("\n")[0] ?? "").slice(0, 300);
}
