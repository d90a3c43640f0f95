import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db/client";
import { pruneSignInAttempts } from "../auth/credentials";
import { pruneUserSessions } from "../auth/user-sessions";
import { pruneRateLimitHits } from "../security/rate-limit";
import type { MailMessage } from "../mail/message";
import { deliver, type MailTransport } from "../mail/transport";
import { countMails } from "../metrics/hooks";
import { MAIL_RETRY, QUEUES, sendMailInTransaction } from "./boss";
import { sendStalenessReminders } from "./reminders";
import { runOfferMaintenance } from "../offers/maintenance";
import { registerBackupJob, type BackupJobSettings } from "../backup/job";

export interface WorkerDependencies {
  prisma: PrismaClient;
  /** null when no SMTP server is configured: mail jobs then fail and are retried. */
  transport: MailTransport | null;
  mailFrom: string;
  /** Public address of the app, for links in e-mails. */
  appUrl: string;
  /** Mail goes to the local catcher, which files it under the county named in a header. */
  mailCatcher?: boolean;
  /** Sign-in attempts are kept this long (SIGN_IN_RETENTION_DAYS). */
  signInRetentionDays: number;
  /** The daily backup (BACKUP_SCHEDULE, BACKUP_DIR, BACKUP_KEEP); absent: not scheduled here. */
  backup?: BackupJobSettings;
}

export async function registerWorkers(boss: PgBoss, deps: WorkerDependencies): Promise<void> {
  await registerMailWorker(boss, deps);
  await boss.work(QUEUES.pruneSignInAttempts, async () => {
    await pruneSignInAttempts(deps.prisma, deps.signInRetentionDays);
    await pruneRateLimitHits(deps.prisma);
    await pruneUserSessions(deps.prisma);
  });
  await boss.schedule(QUEUES.pruneSignInAttempts, "17 3 * * *", {}, { tz: "Europe/Berlin" });

  await boss.work(QUEUES.stalenessReminders, async () => {
    await sendStalenessReminders({
      prisma: deps.prisma,
      appUrl: deps.appUrl,
      queueMail: async (message) => {
        await boss.send(QUEUES.sendMail, message, MAIL_RETRY);
      },
    });
  });
  // Every morning; pg-boss runs a scheduled job once per tick, however many instances there are.
  await boss.schedule(QUEUES.stalenessReminders, "0 7 * * *", {}, { tz: "Europe/Berlin" });

  await boss.work(QUEUES.offerMaintenance, async () => {
    await runOfferMaintenance({
      prisma: deps.prisma,
      appUrl: deps.appUrl,
      queueMail: (tx, message) => sendMailInTransaction(boss, tx, message),
    });
  });
  // Hourly: unconfirmed offers go after 48 hours, reminders a day before expiry, stale-offer checks
  // and hiding (lib/offers/stale.ts), erasure.
  await boss.schedule(QUEUES.offerMaintenance, "11 * * * *", {}, { tz: "Europe/Berlin" });

  if (deps.backup) await registerBackupJob(boss, { prisma: deps.prisma, appUrl: deps.appUrl, backup: deps.backup });
}

/** Mails fetched per round; after a full round the worker fetches again at once. */
export const MAIL_BATCH_SIZE = 25;
/** Mails of a round delivered at the same time. */
const MAIL_CONCURRENCY = 5;

/**
 * The mail worker. pg-boss fetches one batch per polling interval; one mail per second (the old
 * setting) drained 241 mails at 2.1 mails/s. Now a round takes up to MAIL_BATCH_SIZE jobs, delivers
 * them MAIL_CONCURRENCY at a time, and a full round asks for the next one at once instead of
 * waiting for the interval. Each job keeps its own outcome: a failed delivery fails (and retries)
 * only that job; pg-boss then completes the others, whose state is still "active". Delivery
 * stays at-least-once per job with SKIP LOCKED across instances, as before.
 */
export async function registerMailWorker(boss: PgBoss, deps: Pick<WorkerDependencies, "transport" | "mailFrom" | "mailCatcher">) {
  const workerId = await boss.work<MailMessage>(
    QUEUES.sendMail,
    { batchSize: MAIL_BATCH_SIZE, pollingIntervalSeconds: 1 },
    async (batch) => {
      if (!deps.transport) throw new Error("No SMTP server configured (SMTP_URL)");
      const transport = deps.transport;
      const failed: { id: string; error: unknown }[] = [];
      for (let start = 0; start < batch.length; start += MAIL_CONCURRENCY) {
        const slice = batch.slice(start, start + MAIL_CONCURRENCY);
        const results = await Promise.allSettled(
          slice.map((job) => deliver(transport, deps.mailFrom, job.data, { tagCounty: deps.mailCatcher ?? false })),
        );
        results.forEach((result, index) => {
          if (result.status === "rejected") failed.push({ id: slice[index]!.id, error: result.reason });
        });
      }
      countMails("sent", batch.length - failed.length);
      countMails("failed", failed.length);
      for (const { id, error } of failed) {
        await boss.fail(QUEUES.sendMail, id, { message: error instanceof Error ? error.message : String(error) });
      }
      if (batch.length === MAIL_BATCH_SIZE) boss.notifyWorker(workerId);
    },
  );
}
