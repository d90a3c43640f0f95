import { readdir, unlink } from "node:fs/promises";
import path from "node:path";
import { BACKUP_FILE_PATTERN, backupFileTime } from "./format";

// The scheduled backup keeps the newest BACKUP_KEEP files. Only files named like a backup count
// and are ever deleted: anything else an operator puts into the folder stays.

/** The backup files beyond the newest `keep`, oldest first; `protect` is never among them. */
export function filesToDelete(names: string[], keep: number, protect?: string): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error("At least one backup must be kept.");
  const backups = names
    .filter((name) => BACKUP_FILE_PATTERN.test(name))
    .sort((a, b) => backupFileTime(b)!.getTime() - backupFileTime(a)!.getTime() || b.localeCompare(a));
  return backups
    .slice(keep)
    .filter((name) => name !== protect)
    .reverse();
}

/** Deletes the backup files in `dir` beyond the newest `keep`; returns their names. */
export async function pruneBackups(dir: string, keep: number, protect?: string): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const doomed = filesToDelete(names, keep, protect);
  for (const name of doomed) await unlink(path.join(dir, name));
  return doomed;
}
