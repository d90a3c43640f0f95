import "server-only";
import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { can, type Actor } from "../auth/actor";
import { db } from "../db/client";
import { env } from "../env";
import { BACKUP_FILE_PATTERN, backupDirectory, type BackupMethod } from "./format";

// The admin page's data: backup runs as recorded in the audit trail (lib/backup/run.ts), newest
// first, and whether each file still lies where it was written. Backups cover the whole
// installation, so their events belong to no county.

export interface BackupRunRow {
  id: string;
  at: Date;
  file: string;
  bytes: number;
  method: BackupMethod;
  trigger: "schedule" | "command";
  ok: boolean;
  error: string | null;
  /** The file is still in its folder (the retention rule or an operator may have deleted it). */
  present: boolean;
}

const auditDataSchema = z.object({
  file: z.string(),
  dir: z.string(),
  bytes: z.number().int().min(0),
  method: z.enum(["logical", "pg_dump"]),
  trigger: z.enum(["schedule", "command"]),
  error: z.string().optional(),
});

export async function listBackupRuns(actor: Actor, limit = 60): Promise<BackupRunRow[]> {
  if (!can(actor, "backups:read")) return [];
  const events = await db().auditEvent.findMany({
    where: { subjectType: "backup", countyId: null, action: { in: ["backup.created", "backup.failed"] } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, action: true, createdAt: true, after: true },
  });
  return Promise.all(
    events.map(async (event) => {
      const data = auditDataSchema.safeParse(event.after);
      const ok = event.action === "backup.created";
      if (!data.success) {
        return {
          id: event.id,
          at: event.createdAt,
          file: "–",
          bytes: 0,
          method: "logical",
          trigger: "command",
          ok,
          error: null,
          present: false,
        };
      }
      const { file, dir, bytes, method, trigger, error } = data.data;
      return {
        id: event.id,
        at: event.createdAt,
        file,
        bytes,
        method,
        trigger,
        ok,
        error: error ?? null,
        present: ok && (await isFile(dir, file)),
      };
    }),
  );
}

/** Only a backup's own name in an absolute folder is looked up: the audit data never points elsewhere. */
async function isFile(dir: string, file: string): Promise<boolean> {
  if (!path.isAbsolute(dir) || !BACKUP_FILE_PATTERN.test(file)) return false;
  try {
    return (await stat(path.join(dir, file))).isFile();
  } catch {
    return false;
  }
}

export function backupSettings(actor: Actor) {
  if (!can(actor, "backups:read")) return null;
  const { BACKUP_SCHEDULE, BACKUP_DIR, BACKUP_KEEP } = env();
  return { schedule: BACKUP_SCHEDULE, dir: backupDirectory(BACKUP_DIR), keep: BACKUP_KEEP };
}
