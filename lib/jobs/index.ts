import "server-only";
import { db, type Prisma } from "../db/client";
import { env } from "../env";
import type { MailMessage } from "../mail/message";
import { createMailTransport } from "../mail/transport";
import { createBoss, MAIL_RETRY, QUEUES, sendMailInTransaction, stopBoss, type PgBoss } from "./boss";
import { registerWorkers } from "./workers";
import { backupDirectory } from "../backup/format";

const globalForJobs = globalThis as unknown as { boss?: Promise<PgBoss>; workersStarted?: boolean };

export function jobs(): Promise<PgBoss> {
  globalForJobs.boss ??= createBoss(env().DATABASE_URL);
  return globalForJobs.boss;
}

/** Called once per server process (instrumentation.ts). */
export async function startJobWorkers(): Promise<void> {
  if (globalForJobs.workersStarted || !env().JOBS_WORKER) return;
  globalForJobs.workersStarted = true;
  // On stop, the workers end before the process does, and before PostgreSQL goes (npm start stops
  // the app first); no "terminating connection" line for an intended stop.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void jobs().then((boss) => stopBoss(boss)));
  }
  const { SMTP_URL, MAIL_FROM, APP_URL, SIGN_IN_RETENTION_DAYS, MAIL_CATCHER } = env();
  const { DATABASE_URL, BACKUP_SCHEDULE, BACKUP_DIR, BACKUP_KEEP } = env();
  await registerWorkers(await jobs(), {
    prisma: db(),
    transport: SMTP_URL ? createMailTransport(SMTP_URL) : null,
    mailFrom: MAIL_FROM,
    appUrl: APP_URL,
    mailCatcher: MAIL_CATCHER,
    signInRetentionDays: SIGN_IN_RETENTION_DAYS,
    backup: { schedule: BACKUP_SCHEDULE, connectionString: DATABASE_URL, dir: backupDirectory(BACKUP_DIR), keep: BACKUP_KEEP },
  });
}

/**
 * Queues a mail inside the caller's database transaction: it is queued if and only if the
 * transaction commits, so a crash between saving and queueing can neither lose it nor, on a
 * retry, send it twice.
 */
export async function queueMailInTransaction(tx: Prisma.TransactionClient, message: MailMessage): Promise<void> {
  await sendMailInTransaction(await jobs(), tx, message);
}

/** Mail goes through the queue: retried when the server is away, sent once. */
export async function queueMail(message: MailMessage): Promise<void> {
  await (await jobs()).send(QUEUES.sendMail, message, MAIL_RETRY);
}
