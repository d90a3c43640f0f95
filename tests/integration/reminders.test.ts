import { beforeAll, describe, expect, it } from "vitest";
import { addDays, berlinDay, dayToDate } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { sendStalenessReminders } from "../../lib/jobs/reminders";
import type { MailMessage } from "../../lib/mail/message";
import { updateCountySettings } from "../../lib/settings/service";
import { AppError } from "../../lib/errors";
import { seedDemoCounty } from "../support/fixtures";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
const mails: MailMessage[] = [];
const run = (now: Date) =>
  sendStalenessReminders({
    prisma: db(),
    appUrl: "https://wohnraum.example",
    now,
    queueMail: (mail) => Promise.resolve(void mails.push(mail)),
  });

beforeAll(async () => {
  demo = await seedDemoCounty();
  // Kommune A reported 10 days ago (stale at a 7-day interval); everyone else is current.
  const kommuneA = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
  await db().$executeRaw`ALTER TABLE capacity_report DISABLE TRIGGER capacity_report_append_only`;
  await db().capacityReport.deleteMany({
    where: { municipalityId: kommuneA.id, reportingDate: { gt: dayToDate(addDays(berlinDay(), -10)) } },
  });
  await db().$executeRaw`ALTER TABLE capacity_report ENABLE TRIGGER capacity_report_append_only`;
});

describe("staleness reminders", () => {
  it("e-mails the clerks of a stale municipality a link to the prefilled form", async () => {
    const sent = await run(new Date());
    expect(sent).toEqual([{ municipality: "kommune-a", recipients: ["kommune-a@wohnraum.example"] }]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe("kommune-a@wohnraum.example");
    expect(mails[0]!.text).toContain("https://wohnraum.example/kommunen/kommune-a/meldung");
    const log = await db().stalenessReminder.findMany({ include: { municipality: true } });
    expect(log.map((entry) => [entry.municipality.slug, entry.recipients])).toEqual([["kommune-a", ["kommune-a@wohnraum.example"]]]);
  });

  it("reminds at most once per interval, even when two instances run at once", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const [first, second] = await Promise.all([run(tomorrow), run(tomorrow)]);
    expect([...first, ...second]).toEqual([]);
    expect(mails).toHaveLength(1);
    const afterInterval = new Date(Date.now() + 8 * 86_400_000);
    const results = await Promise.all([run(afterInterval), run(afterInterval)]);
    // Everyone is stale eight days later; each municipality is reminded exactly once.
    expect(results.flat().filter((entry) => entry.municipality === "kommune-a")).toHaveLength(1);
    expect(await db().stalenessReminder.count({ where: { municipality: { slug: "kommune-a" } } })).toBe(2);
    expect(await db().stalenessReminder.count()).toBe(22);
    // Municipalities without a clerk are logged with no recipient, so coordinators can see it
    // (the demo has clerks for Kommune A, M and R).
    expect(await db().stalenessReminder.count({ where: { recipients: { isEmpty: true } } })).toBe(18);
  });

  it("follows the county's interval, which coordinators and admins set", async () => {
    for (const actor of [demo.clerkA, demo.press]) {
      const error = await updateCountySettings(actor, { reportingIntervalDays: "30" }).catch((caught: AppError) => caught);
      expect((error as AppError).code).toBe("FORBIDDEN");
    }
    const invalid = await updateCountySettings(demo.coordinator, { reportingIntervalDays: "0" }).catch((caught: AppError) => caught);
    expect((invalid as AppError).fieldErrors?.reportingIntervalDays).toBeDefined();
    await updateCountySettings(demo.coordinator, { reportingIntervalDays: "30" });
    expect((await db().county.findUniqueOrThrow({ where: { id: demo.countyId } })).reportingIntervalDays).toBe(30);
    await updateCountySettings(demo.admin, { reportingIntervalDays: "14" });
    expect(await db().auditEvent.count({ where: { action: "county.settings" } })).toBe(2);
  });
});

describe("reminder days", () => {
  it("counts the interval in calendar days: a job a few seconds earlier a week later still reminds", async () => {
    await db().stalenessReminder.deleteMany();
    await db().county.update({ where: { id: demo.countyId }, data: { reportingIntervalDays: 7 } });
    const monday = new Date(Date.now() + 30 * 86_400_000);
    monday.setUTCHours(6, 0, 5, 0);
    const nextMonday = new Date(monday.getTime() + 7 * 86_400_000 - 5_000);
    await run(monday);
    const remindedAgain = await run(nextMonday);
    expect(remindedAgain.map((entry) => entry.municipality)).toContain("kommune-a");
  });
});
