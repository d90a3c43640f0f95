import PgBoss from "pg-boss";

// Background work runs on PostgreSQL (pg-boss): a job is locked with SKIP LOCKED by exactly one
// worker, so several app instances never process, e.g., send, the same job twice.

export const QUEUES = {
  sendMail: "mail-send",
  pruneSignInAttempts: "prune-sign-in-attempts",
  stalenessReminders: "staleness-reminders",
  offerMaintenance: "offer-maintenance",
} as const;

export const MAIL_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

export async function createBoss(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, schema: "pgboss", application_name: "wohnraum-jobs", max: 4 });
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  await boss.createQueue(QUEUES.sendMail, { name: QUEUES.sendMail, ...MAIL_RETRY });
  await boss.createQueue(QUEUES.pruneSignInAttempts, { name: QUEUES.pruneSignInAttempts });
  await boss.createQueue(QUEUES.stalenessReminders, { name: QUEUES.stalenessReminders, retryLimit: 3, retryDelay: 300 });
  await boss.createQueue(QUEUES.offerMaintenance, { name: QUEUES.offerMaintenance, retryLimit: 3, retryDelay: 120 });
  return boss;
}

export type { PgBoss };
