import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, berlinDay, dayToDate } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { MAIL_RETRY, QUEUES } from "../../lib/jobs/boss";
import { MAIL_BATCH_SIZE } from "../../lib/jobs/workers";
import { jobs, queueMail, startJobWorkers } from "../../lib/jobs";
import { mailCatcherUrl, startMailCatcher, type MailCatcher } from "../../lib/mail/catcher";
import { freePort } from "../../lib/platform/ports";
import { seedDemoCounty } from "../support/fixtures";

// The app's own mail path: `queueMail` and the workers `startJobWorkers` registers, with the app's
// queue and retry settings, delivering to a real SMTP server on loopback. Only the clock of a
// waiting retry is moved forward (its start time), so the test need not wait out the back-off.

const smtpPort = await freePort();
const smtpCredentials = { user: "wohnraum", password: "worker-test-password" };
process.env.SMTP_URL = mailCatcherUrl(smtpPort, smtpCredentials);
process.env.JOBS_WORKER = "1";

let catcher: MailCatcher | undefined;
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await sql.connect();
  await seedDemoCounty();
  await startJobWorkers();
});

afterAll(async () => {
  await catcher?.close();
  await sql.end();
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const jobStates = async (queue: string) =>
  (await sql.query<{ state: string }>("SELECT state FROM pgboss.job WHERE name = $1 ORDER BY created_on", [queue])).rows.map(
    (row) => row.state,
  );

describe("the app's mail worker", () => {
  it("keeps a mail while the SMTP server is away and delivers it exactly once when it is back", async () => {
    await queueMail({ to: "empfaenger@example.org", subject: "Zustellung nach Ausfall", text: "Hallo" });
    // The first attempt fails (nothing listens on the port) and the job waits for its retry.
    await waitFor(async () => (await jobStates(QUEUES.sendMail)).includes("retry"), "the first attempt to fail and be retried");

    catcher = await startMailCatcher({ connectionString: process.env.DATABASE_URL!, port: smtpPort, credentials: smtpCredentials });
    await sql.query("UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'retry'", [QUEUES.sendMail]);
    await waitFor(async () => (await db().caughtMail.count({ where: { subject: "Zustellung nach Ausfall" } })) > 0, "the mail");
    await new Promise((resolve) => setTimeout(resolve, 2500)); // would a duplicate still arrive?
    expect(await db().caughtMail.count({ where: { subject: "Zustellung nach Ausfall" } })).toBe(1);
    expect(await jobStates(QUEUES.sendMail)).toEqual(["completed"]);
  });

  it("the daily reminder job queues its mail through pg-boss and it arrives once per interval", async () => {
    // Kommune A last reported 10 days ago: stale at the 7-day interval.
    const kommuneA = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
    await db().$executeRaw`ALTER TABLE capacity_report DISABLE TRIGGER capacity_report_append_only`;
    await db().capacityReport.deleteMany({
      where: { municipalityId: kommuneA.id, reportingDate: { gt: dayToDate(addDays(berlinDay(), -10)) } },
    });
    await db().$executeRaw`ALTER TABLE capacity_report ENABLE TRIGGER capacity_report_append_only`;
    const reminders = () =>
      db().caughtMail.count({ where: { envelopeTo: { has: "kommune-a@wohnraum.example" }, subject: { contains: "Kommune A" } } });

    const boss = await jobs();
    await boss.send(QUEUES.stalenessReminders, {});
    await waitFor(async () => (await reminders()) === 1, "the reminder mail");
    const mail = await db().caughtMail.findFirstOrThrow({ where: { envelopeTo: { has: "kommune-a@wohnraum.example" } } });
    expect(mail.text).toContain("/kommunen/kommune-a/meldung");

    // The job runs again the same day (a second instance, or tomorrow's run within the interval).
    await boss.send(QUEUES.stalenessReminders, {});
    await waitFor(async () => (await jobStates(QUEUES.stalenessReminders)).every((state) => state === "completed"), "the second run");
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await reminders()).toBe(1);
  });

  it("delivers a burst in batches, each mail once, and a mail that cannot be sent fails only itself", async () => {
    const burst = `Schub ${Date.now()}`;
    const boss = await jobs();
    await boss.insert(
      Array.from({ length: 3 * MAIL_BATCH_SIZE }, (_, index) => ({
        name: QUEUES.sendMail,
        data: { to: `empfaenger-${index}@example.org`, subject: `${burst} ${index}`, text: "Hallo" },
        ...MAIL_RETRY,
      })),
    );
    // No recipient: nodemailer refuses it, in the middle of a batch.
    await queueMail({ to: "", subject: `${burst} ohne Empfänger`, text: "Hallo" });
    const delivered = async () =>
      (
        await sql.query<{ total: string; distinct: string }>(
          "SELECT count(*) AS total, count(DISTINCT subject) AS distinct FROM caught_mail WHERE subject LIKE $1",
          [`${burst} %`],
        )
      ).rows[0]!;
    await waitFor(async () => Number((await delivered()).total) >= 3 * MAIL_BATCH_SIZE, "the burst");
    await new Promise((resolve) => setTimeout(resolve, 2500)); // would a duplicate still arrive?
    expect(await delivered()).toEqual({ total: String(3 * MAIL_BATCH_SIZE), distinct: String(3 * MAIL_BATCH_SIZE) });
    const states = await sql.query<{ state: string; subject: string }>(
      "SELECT state, data->>'subject' AS subject FROM pgboss.job WHERE name = $1 AND data->>'subject' LIKE $2",
      [QUEUES.sendMail, `${burst} %`],
    );
    expect(states.rows.filter((row) => row.state === "completed")).toHaveLength(3 * MAIL_BATCH_SIZE);
    expect(states.rows.find((row) => row.subject.endsWith("ohne Empfänger"))!.state).toBe("retry");
  });
});
