import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db/client";
import { pruneSignInAttempts } from "../auth/credentials";
import { pruneUserSessions } from "../auth/user-sessions";
import { pruneRateLimitHits } from "../security/rate-limit";
import type { MailMessage } from "../mail/message";
import { deliver, type MailTransport } from "../mail/transport";
import { MAIL_RETRY, QUEUES, sendMailInTransaction } from "./boss";
import { sendStalenessReminders } from "./reminders";
import { runOfferMaintenance } from "../offers/maintenance";

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
}

export async function registerWorkers(boss: PgBoss, deps: WorkerDependencies): Promise<void> {
  await boss.work<MailMessage>(QUEUES.sendMail, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    if (!deps.transport) throw new Error("No SMTP server configured (SMTP_URL)");
    await deliver(deps.transport, deps.mailFrom, job.data, { tagCounty: deps.mailCatcher ?? false });
  });
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
  // Hourly: unconfirmed offers go after 48 hours, reminders a day before expiry.
  await boss.schedule(QUEUES.offerMaintenance, "11 * * * *", {}, { tz: "Europe/Berlin" });
}
