import type PgBoss from "pg-boss";
import { formatDateTime } from "../dates";
import type { PrismaClient } from "../db/client";
import { MAIL_RETRY, QUEUES } from "../jobs/boss";
import { logger } from "../log";
import type { MailMessage } from "../mail/message";
import { runBackup, type BackupRun } from "./run";

// The daily backup (BACKUP_SCHEDULE=1, which `npm start` sets in embedded mode): a logical dump at
// 03:00 Europe/Berlin as the app's own role, then the oldest files beyond BACKUP_KEEP are deleted.
// A failed run mails every active admin, so a full disk does not go unnoticed for weeks.

export interface BackupJobSettings {
  schedule: boolean;
  /** The app's connection (read rights suffice). */
  connectionString: string;
  dir: string;
  keep: number;
}

export interface ScheduledBackupDependencies extends Omit<BackupJobSettings, "schedule"> {
  prisma: PrismaClient;
  appUrl: string;
  queueMail: (message: MailMessage) => Promise<void>;
  now?: Date;
}

export async function registerBackupJob(boss: PgBoss, deps: { prisma: PrismaClient; appUrl: string; backup: BackupJobSettings }) {
  if (!deps.backup.schedule) {
    // Switched off: a schedule kept from an earlier start would queue jobs that no worker takes.
    await boss.unschedule(QUEUES.databaseBackup);
    return;
  }
  // No retries: a failed run has already told the admins; the next night tries again.
  await boss.createQueue(QUEUES.databaseBackup, { name: QUEUES.databaseBackup, retryLimit: 0 });
  await boss.work(QUEUES.databaseBackup, async () => {
    const run = await runScheduledBackup({
      ...deps.backup,
      prisma: deps.prisma,
      appUrl: deps.appUrl,
      queueMail: async (message) => {
        await boss.send(QUEUES.sendMail, message, MAIL_RETRY);
      },
    });
    return { ok: run.ok, file: run.name, bytes: run.bytes };
  });
  await boss.schedule(QUEUES.databaseBackup, "0 3 * * *", {}, { tz: "Europe/Berlin" });
}

export async function runScheduledBackup(deps: ScheduledBackupDependencies): Promise<BackupRun> {
  const run = await runBackup({
    prisma: deps.prisma,
    connectionString: deps.connectionString,
    dir: deps.dir,
    method: "logical",
    trigger: "schedule",
    keep: deps.keep,
    now: deps.now,
  });
  if (run.ok) return run;
  logger.error({ file: run.name, cause: run.error }, "The scheduled backup failed");
  const [admins, lastSuccess] = await Promise.all([
    deps.prisma.user.findMany({ where: { role: "ADMIN", active: true }, select: { email: true, name: true, countyId: true } }),
    deps.prisma.auditEvent.findFirst({
      where: { subjectType: "backup", action: "backup.created" },
      orderBy: { createdAt: "desc" },
      select: { subjectId: true, createdAt: true },
    }),
  ]);
  for (const admin of admins) {
    await deps.queueMail(backupFailedMail({ ...admin, at: deps.now ?? new Date(), run, lastSuccess, appUrl: deps.appUrl }));
  }
  return run;
}

export function backupFailedMail(options: {
  email: string;
  name: string;
  /** The admin's county: the local mail catcher files the mail there, so the Postausgang shows it. */
  countyId: string;
  at: Date;
  run: Pick<BackupRun, "error" | "dir">;
  lastSuccess: { subjectId: string; createdAt: Date } | null;
  appUrl: string;
}): MailMessage {
  return {
    to: options.email,
    countyId: options.countyId,
    subject: "Datensicherung fehlgeschlagen",
    text: [
      `Guten Tag ${options.name},`,
      "",
      `die tägliche Datensicherung von Wohnraum ist am ${formatDateTime(options.at)} fehlgeschlagen:`,
      "",
      options.run.error ?? "Unbekannter Fehler.",
      "",
      options.lastSuccess
        ? `Die letzte erfolgreiche Sicherung ist vom ${formatDateTime(options.lastSuccess.createdAt)} (${options.lastSuccess.subjectId}).`
        : "Es gibt noch keine erfolgreiche Sicherung.",
      "",
      `Bitte prüfen Sie den Sicherungsordner (${options.run.dir}) und die Datenbank. Eine Sicherung von Hand startet der Befehl "npm run db:backup".`,
      "Alle Sicherungen im Überblick:",
      "",
      `${options.appUrl}/verwaltung/sicherungen`,
    ].join("\n"),
  };
}
