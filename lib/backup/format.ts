import path from "node:path";
import { z } from "zod";
import { dataDir } from "../platform/data-dir";

// The backup files and their names. A logical backup is one gzip stream of text lines:
//
//   {"format":"wohnraum-backup","version":1,"migration":"…","createdAt":"…","serverVersion":"18.4"}
//   @@table county ["id","name",…]
//   <rows as COPY … TO STDOUT writes them: one line per row, tabs between fields, \N for NULL>
//   \.
//   … one such section per table …
//   @@sequences {"name":{"lastValue":"42"}}
//   @@end {"rows":{"county":1,…}}
//
// COPY's text format escapes backslashes, tabs and line breaks inside values, so a row never is a
// bare `\.` line, and every row is exactly one line. The trailer's row counts let a restore tell a
// complete file from a truncated one before it changes anything.

export const BACKUP_FORMAT = "wohnraum-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type BackupMethod = "logical" | "pg_dump";

export const EXTENSIONS: Record<BackupMethod, string> = { logical: ".wrdump.gz", pg_dump: ".pgdump" };

/** wohnraum-2026-11-22T030000Z.wrdump.gz: UTC, so names sort in time order across daylight saving. */
export const BACKUP_FILE_PATTERN = /^wohnraum-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})Z\.(wrdump\.gz|pgdump)$/;

export function backupFileName(at: Date, method: BackupMethod): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "");
  return `wohnraum-${stamp}${EXTENSIONS[method]}`;
}

/** The moment in a backup file's name, or null for any other file. */
export function backupFileTime(name: string): Date | null {
  const match = BACKUP_FILE_PATTERN.exec(name);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  return new Date(Date.UTC(year!, month! - 1, day, hour, minute, second));
}

/** BACKUP_DIR, else `backups` in the data folder. */
export function backupDirectory(configured: string | undefined = process.env.BACKUP_DIR): string {
  return configured?.trim() ? path.resolve(configured.trim()) : path.join(dataDir(), "backups");
}

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  /** The newest migration applied when the backup was taken; a restore migrates to exactly this. */
  migration: z.string().regex(/^\d{14}_[a-z0-9_]+$/),
  createdAt: z.iso.datetime(),
  serverVersion: z.string(),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const tableLineSchema = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  columns: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).min(1),
});

export const sequencesSchema = z.record(
  z.string(),
  z.object({
    lastValue: z
      .string()
      .regex(/^-?\d+$/)
      .nullable(),
  }),
);

export const trailerSchema = z.object({ rows: z.record(z.string(), z.number().int().min(0)) });

export const TABLE_PREFIX = "@@table ";
export const SEQUENCES_PREFIX = "@@sequences ";
export const END_PREFIX = "@@end ";
export const END_OF_DATA = "\\.";

/** A backup file that cannot be restored: damaged, truncated, or not a backup at all. */
export class BackupFileError extends Error {}

/** The order to fill tables in: every table after the tables its foreign keys point to. */
export function loadOrder(tables: string[], references: { table: string; references: string }[]): string[] {
  const pending = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { table, references: target } of references) {
    // A table referring to itself is filled in one COPY; the rows' order within it is the dump's.
    if (table !== target && pending.has(table) && pending.has(target)) pending.get(table)!.add(target);
  }
  const order: string[] = [];
  while (pending.size) {
    const ready = [...pending.keys()].filter((table) => [...pending.get(table)!].every((target) => !pending.has(target))).sort();
    if (!ready.length) throw new Error(`The foreign keys between ${[...pending.keys()].sort().join(", ")} form a cycle.`);
    for (const table of ready) {
      order.push(table);
      pending.delete(table);
    }
  }
  return order;
}
