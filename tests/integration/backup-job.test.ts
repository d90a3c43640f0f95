import { randomBytes } from "node:crypto";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerBackupJob, runScheduledBackup } from "../../lib/backup/job";
import { backupFileName } from "../../lib/backup/format";
import { listBackupRuns } from "../../lib/backup/queries";
import { pruneBackups } from "../../lib/backup/retention";
import { db } from "../../lib/db/client";
import { appDatabaseUrl, ensureAppRole } from "../../lib/db/roles";
import { createBoss, QUEUES, type PgBoss } from "../../lib/jobs/boss";
import { mailCatcherUrl, startMailCatcher } from "../../lib/mail/catcher";
import type { MailMessage } from "../../lib/mail/message";
import { listCaughtMails } from "../../lib/mail/outbox";
import { createMailTransport, deliver } from "../../lib/mail/transport";
import { seedDemoCounty } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";

// The daily backup job: it runs as the app's own role, keeps the newest BACKUP_KEEP files, records
// every run as an audit event for the admin page, and mails the admins when it fails.

process.env.MAIL_CATCHER = "1"; // before env() is first read: the Postausgang shows caught mail
const ownerUrl = process.env.DATABASE_URL!;
const app = { role: `wohnraum_app_job_${randomBytes(4).toString("hex")}`, password: randomBytes(18).toString("base64url") };
const appUrl = appDatabaseUrl(ownerUrl, app);
const bosses: PgBoss[] = [];
let demo: Awaited<ReturnType<typeof seedDemoCounty>>;

beforeAll(async () => {
  demo = await seedDemoCounty();
  await ensureAppRole(ownerUrl, app);
});

afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => {});
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`DROP OWNED BY "${app.role}"`);
    await client.query(`DROP ROLE "${app.role}"`);
  } finally {
    await client.end();
  }
});

const backupEvents = () => db().auditEvent.findMany({ where: { subjectType: "backup" }, orderBy: { createdAt: "desc" } });
const at = (iso: string) => new Date(iso);

describe("retention", () => {
  it("keeps the newest N backup files and never touches other files", async () => {
    const dir = await testTempDir("retention-");
    const names = Array.from({ length: 20 }, (_, day) =>
      backupFileName(at(`2026-10-${String(day + 1).padStart(2, "0")}T01:00:00Z`), "logical"),
    );
    const others = ["notes.txt", "wohnraum-kaputt.wrdump.gz", `${names[0]}.partial`, "wohnraum-2026-10-01T0100Z.wrdump.gz"];
    for (const name of [...names, ...others]) await writeFile(path.join(dir, name), "x");
    const deleted = await pruneBackups(dir, 14);
    expect(deleted).toEqual(names.slice(0, 6));
    expect((await readdir(dir)).sort()).toEqual([...names.slice(6), ...others].sort());
    expect(await pruneBackups(dir, 14)).toEqual([]);
  });
});

describe("the scheduled backup", () => {
  it("writes a logical dump as the app role, deletes files beyond BACKUP_KEEP, and records the run", async () => {
    const dir = await testTempDir("scheduled-");
    const old = ["2026-01-01", "2026-01-02", "2026-01-03"].map((day) => backupFileName(at(`${day}T02:00:00Z`), "logical"));
    for (const name of old) await writeFile(path.join(dir, name), "old");
    const mails: MailMessage[] = [];
    const run = await runScheduledBackup({
      prisma: db(),
      connectionString: appUrl, // read rights suffice, the migration record included
      dir,
      keep: 2,
      appUrl: "https://wohnraum.example",
      queueMail: (mail) => Promise.resolve(void mails.push(mail)),
    });
    expect(run.error).toBeUndefined();
    expect(run.ok).toBe(true);
    expect(mails).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([old[2], run.name].sort());

    const [event] = await backupEvents();
    expect(event).toMatchObject({ action: "backup.created", countyId: null, actorId: null, subjectId: run.name });
    expect(event!.after).toEqual({
      file: run.name,
      dir,
      bytes: run.bytes,
      method: "logical",
      durationMs: run.durationMs,
      trigger: "schedule",
      migration: expect.stringMatching(/^\d{14}_/) as unknown,
      deleted: old.slice(0, 2),
    });
    expect(run.bytes).toBeGreaterThan(10_000);
  });

  it("records a failed run and mails every active admin, into the Postausgang of the admin's county", async () => {
    await db().user.create({
      data: { email: "alt-admin@wohnraum.example", name: "Ehemalig", role: "ADMIN", countyId: demo.countyId, active: false },
    });
    const notAFolder = path.join(await testTempDir("failing-"), "file");
    await writeFile(notAFolder, "");
    const mails: MailMessage[] = [];
    const run = await runScheduledBackup({
      prisma: db(),
      connectionString: appUrl,
      dir: path.join(notAFolder, "backups"),
      keep: 14,
      appUrl: "https://wohnraum.example",
      queueMail: (mail) => Promise.resolve(void mails.push(mail)),
    });
    expect(run.ok).toBe(false);
    expect(run.error).toBe("Der Sicherungsordner kann nicht angelegt werden: ein Teil des Pfads ist eine Datei (ENOTDIR).");
    const [event] = await backupEvents();
    expect(event).toMatchObject({
      action: "backup.failed",
      subjectId: run.name,
      after: { bytes: 0, error: run.error, trigger: "schedule" },
    });

    expect(mails.map((mail) => [mail.to, mail.countyId, mail.subject])).toEqual([
      ["admin@wohnraum.example", demo.countyId, "Datensicherung fehlgeschlagen"],
    ]);
    expect(mails[0]!.text).toContain(run.error);
    expect(mails[0]!.text).toMatch(
      /Die letzte erfolgreiche Sicherung ist vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(wohnraum-.*\.wrdump\.gz\)/,
    );
    expect(mails[0]!.text).toContain("https://wohnraum.example/verwaltung/sicherungen");

    // Through the local catcher, the mail lands in the admin's Postausgang.
    const catcher = await startMailCatcher({ connectionString: ownerUrl, port: 0, credentials: { user: "u", password: "p-123456" } });
    try {
      await deliver(
        createMailTransport(mailCatcherUrl(catcher.port, { user: "u", password: "p-123456" })),
        "noreply@wohnraum.example",
        mails[0]!,
        {
          tagCounty: true,
        },
      );
    } finally {
      await catcher.close();
    }
    expect((await listCaughtMails(demo.admin)).map((mail) => mail.subject)).toContain("Datensicherung fehlgeschlagen");
  });

  it("lists the runs for admins only, newest first, with whether each file is still there", async () => {
    const runs = await listBackupRuns(demo.admin);
    expect(runs.map((run) => [run.ok, run.trigger, run.present])).toEqual([
      [false, "schedule", false],
      [true, "schedule", false], // its temporary folder is gone with the test
    ]);
    expect(runs[0]!.error).toMatch(/^Der Sicherungsordner kann nicht angelegt werden/);
    expect(await listBackupRuns(demo.coordinator)).toEqual([]);

    const dir = await testTempDir("listed-");
    await runScheduledBackup({ prisma: db(), connectionString: appUrl, dir, keep: 1, appUrl: "x", queueMail: () => Promise.resolve() });
    const [newest] = await listBackupRuns(demo.admin);
    expect(newest).toMatchObject({ ok: true, present: true, method: "logical" });
  });

  it("is scheduled daily at 03:00 Europe/Berlin under pg-boss when BACKUP_SCHEDULE is on, and runs there", async () => {
    const boss = await createBoss(appUrl);
    bosses.push(boss);
    const dir = await testTempDir("boss-");
    const backup = { schedule: true, connectionString: appUrl, dir, keep: 3 };
    await registerBackupJob(boss, { prisma: db(), appUrl: "x", backup });
    const schedule = () =>
      db().$queryRaw<
        { cron: string; timezone: string }[]
      >`SELECT cron, timezone FROM pgboss.schedule WHERE name = ${QUEUES.databaseBackup}`;
    expect(await schedule()).toEqual([{ cron: "0 3 * * *", timezone: "Europe/Berlin" }]);

    const count = async () => (await backupEvents()).length;
    const before = await count();
    await boss.send(QUEUES.databaseBackup, {});
    for (let waited = 0; (await count()) === before && waited < 20_000; waited += 250)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await count()).toBe(before + 1);
    expect((await readdir(dir)).filter((name) => name.endsWith(".wrdump.gz"))).toHaveLength(1);

    await registerBackupJob(boss, { prisma: db(), appUrl: "x", backup: { ...backup, schedule: false } });
    expect(await schedule()).toEqual([]);
  });
});
