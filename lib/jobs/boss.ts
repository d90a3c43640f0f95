import PgBoss from "pg-boss";
import type { Prisma } from "../db/client";
import type { MailMessage } from "../mail/message";
import { isDatabaseUnavailable } from "../db/unavailable";
import { logger } from "../log";

// Background work runs on PostgreSQL (pg-boss): a job is locked with SKIP LOCKED by exactly one
// worker, so several app instances never process, e.g., send, the same job twice.

export const QUEUES = {
  sendMail: "mail-send",
  pruneSignInAttempts: "prune-sign-in-attempts",
  stalenessReminders: "staleness-reminders",
  offerMaintenance: "offer-maintenance",
  databaseBackup: "database-backup",
} as const;

export const MAIL_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

let jobsStopping = false;

/** Stops the workers of this process: running jobs may finish within `timeoutSeconds`. */
export async function stopBoss(boss: PgBoss, timeoutSeconds = 3): Promise<void> {
  jobsStopping = true;
  await boss.stop({ graceful: true, wait: true, timeout: timeoutSeconds * 1000 }).catch(() => {});
}

export async function createBoss(connectionString: string): Promise<PgBoss> {
  // Finished jobs (mail payloads hold addresses) are deleted from the archive after 7 days.
  const boss = new PgBoss({ connectionString, schema: "pgboss", application_name: "wohnraum-jobs", max: 4, deleteAfterDays: 7 });
  boss.on("error", (error) => {
    // While the process stops, PostgreSQL may end first (Ctrl-C reaches both): that is no error.
    if (isDatabaseUnavailable(error)) {
      if (!jobsStopping) logger.warn({ err: error }, "job queue lost its database connection; it reconnects");
      return;
    }
    logger.error({ err: error }, "job queue error");
  });
  await boss.start();
  // A mail not sent within a week (its payload holds addresses) is dropped from the queue.
  await boss.createQueue(QUEUES.sendMail, { name: QUEUES.sendMail, ...MAIL_RETRY, retentionDays: 7 });
  await boss.createQueue(QUEUES.pruneSignInAttempts, { name: QUEUES.pruneSignInAttempts });
  await boss.createQueue(QUEUES.stalenessReminders, { name: QUEUES.stalenessReminders, retryLimit: 3, retryDelay: 300 });
  await boss.createQueue(QUEUES.offerMaintenance, { name: QUEUES.offerMaintenance, retryLimit: 3, retryDelay: 120 });
  return boss;
}

/** Sends a mail job with pg-boss's `db` option: inside the caller's Prisma transaction. */
export async function sendMailInTransaction(boss: PgBoss, tx: Prisma.TransactionClient, message: MailMessage): Promise<void> {
  await boss.send(QUEUES.sendMail, message as unknown as object, {
    ...MAIL_RETRY,
    db: {
      // pg-boss hands its JSON payload over as an object; through Prisma it must be text.
      executeSql: async (text: string, values: unknown[]) => ({
        rows: await tx.$queryRawUnsafe<unknown[]>(
          text,
          ...values.map((value) =>
            value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
          ),
        ),
      }),
    },
  });
}

export type { PgBoss };
