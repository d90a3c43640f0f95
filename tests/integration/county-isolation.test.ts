import { beforeAll, describe, expect, it } from "vitest";
import { toActor, type Actor } from "../../lib/auth/actor";
import { loadCountyEvaluation, loadMunicipality, loadReportForm, loadReportHistory, listMunicipalities } from "../../lib/capacity/queries";
import { submitCapacityReport } from "../../lib/capacity/submit";
import { latestReminders, listReminders } from "../../lib/capacity/reminder-log";
import { loadCountyTrend } from "../../lib/capacity/queries";
import { berlinDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { listCaughtMails } from "../../lib/mail/outbox";
import { listUsers, resetUserAccess, setUserActive } from "../../lib/users/service";
import { seedDemoCounty } from "../support/fixtures";

// One installation, two counties: nothing of one may be seen or changed from the other.
process.env.MAIL_CATCHER = "1";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
let otherAdmin: Actor;
let otherCoordinator: Actor;

beforeAll(async () => {
  demo = await seedDemoCounty();
  const other = await db().county.create({ data: { name: "Landkreis Nachbar", slug: "nachbar" } });
  const nachbarstadt = await db().municipality.create({
    data: { countyId: other.id, name: "Nachbarstadt", slug: "nachbarstadt", mailboxEmail: "post@nachbarstadt.example" },
  });
  otherAdmin = toActor(
    await db().user.create({ data: { email: "admin@nachbar.example", name: "Nachbar-Admin", role: "ADMIN", countyId: other.id } }),
  );
  otherCoordinator = toActor(
    await db().user.create({
      data: { email: "koordination@nachbar.example", name: "Nachbar-Koordination", role: "COORDINATOR", countyId: other.id },
    }),
  );
  // Data on both sides: a reminder and a report in each county.
  const kommuneA = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
  await db().stalenessReminder.createMany({
    data: [
      { municipalityId: kommuneA.id, sentAt: new Date(Date.now() - 86_400_000), recipients: ["kommune-a@wohnraum.example"] },
      { municipalityId: nachbarstadt.id, sentAt: new Date(), recipients: ["post@nachbarstadt.example"] },
    ],
  });
  await db().capacityReport.create({
    data: {
      municipalityId: nachbarstadt.id,
      reportingDate: new Date(`${berlinDay()}T00:00:00Z`),
      quotaOutstanding: 1000,
      availableShared: 5,
      situation: "CRITICAL",
    },
  });
  await db().caughtMail.createMany({
    data: [
      {
        envelopeFrom: "noreply@wohnraum.example",
        envelopeTo: ["kommune-a@wohnraum.example"],
        subject: "Einladung Musterland",
        text: "geheimer Link",
        headerFrom: "",
        headerTo: "",
      },
      {
        envelopeFrom: "noreply@wohnraum.example",
        envelopeTo: ["koordination@nachbar.example"],
        subject: "Einladung Nachbar",
        text: "anderer Link",
        headerFrom: "",
        headerTo: "",
      },
      {
        envelopeFrom: "noreply@wohnraum.example",
        envelopeTo: ["jemand@example.org", "post@nachbarstadt.example"],
        subject: "Kopie an Postfach",
        text: "x",
        headerFrom: "",
        headerTo: "",
      },
      // Offer mails go to citizens' addresses; the app tied each to its county when queueing.
      {
        envelopeFrom: "noreply@wohnraum.example",
        envelopeTo: ["buerger@example.org"],
        subject: "Angebot Musterland",
        text: "Link",
        headerFrom: "",
        headerTo: "",
        countyId: demo.countyId,
      },
      {
        envelopeFrom: "noreply@wohnraum.example",
        envelopeTo: ["kommune-a@wohnraum.example"],
        subject: "Angebot Nachbar",
        text: "Link",
        headerFrom: "",
        headerTo: "",
        countyId: other.id,
      },
    ],
  });
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: AppError) => error.code,
  );

describe("county isolation", () => {
  it("the outbox shows an admin only the own county's mail", async () => {
    expect((await listCaughtMails(demo.admin)).map((mail) => mail.subject).sort()).toEqual(["Angebot Musterland", "Einladung Musterland"]);
    expect((await listCaughtMails(otherAdmin)).map((mail) => mail.subject).sort()).toEqual([
      "Angebot Nachbar",
      "Einladung Nachbar",
      "Kopie an Postfach",
    ]);
  });

  it("an admin neither lists nor changes another county's users", async () => {
    expect((await listUsers(otherAdmin)).map((user) => user.email).sort()).toEqual([
      "admin@nachbar.example",
      "koordination@nachbar.example",
    ]);
    expect(await code(setUserActive(otherAdmin, demo.clerkA.id, false))).toBe("NOT_FOUND");
    expect(await code(resetUserAccess(otherAdmin, demo.clerkA.id, "password"))).toBe("NOT_FOUND");
    // A replayed action with an object where the id belongs must not become a Prisma filter.
    expect(await code(setUserActive(otherAdmin, { not: "" }, false))).toBe("NOT_FOUND");
    expect(await code(submitCapacityReport(otherCoordinator, { contains: "kommune" }, { reportingDate: berlinDay() }))).toBe("NOT_FOUND");
    expect((await db().user.findUniqueOrThrow({ where: { id: demo.clerkA.id } })).active).toBe(true);
  });

  it("another county's coordinator neither reads nor writes the county's figures", async () => {
    expect(await loadMunicipality(otherCoordinator, "kommune-a")).toBeNull();
    const kommuneA = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
    expect(await loadReportHistory(otherCoordinator, kommuneA.id)).toEqual([]);
    expect(await loadReportForm(otherCoordinator, "kommune-a")).toBeNull();
    expect(await code(submitCapacityReport(otherCoordinator, "kommune-a", { reportingDate: berlinDay(), quotaOutstanding: 1 }))).toBe(
      "NOT_FOUND",
    );
    const evaluation = await loadCountyEvaluation(otherCoordinator, berlinDay());
    expect(evaluation!.rows.map((row) => row.slug)).toEqual(["nachbarstadt"]);
    expect((await listMunicipalities(otherCoordinator)).map((row) => row.slug)).toEqual(["nachbarstadt"]);
  });

  it("reminders, their flags and the trend come only from the actor's own county, on both sides", async () => {
    const [kommuneA, nachbarstadt] = await Promise.all(
      ["kommune-a", "nachbarstadt"].map((slug) => db().municipality.findFirstOrThrow({ where: { slug } })),
    );
    expect((await listReminders(demo.coordinator)).map((reminder) => reminder.municipality.slug)).toEqual(["kommune-a"]);
    expect((await listReminders(otherCoordinator)).map((reminder) => reminder.municipality.slug)).toEqual(["nachbarstadt"]);
    expect(Object.keys(await latestReminders(demo.coordinator))).toEqual([kommuneA!.id]);
    expect(Object.keys(await latestReminders(otherCoordinator))).toEqual([nachbarstadt!.id]);

    const today = berlinDay();
    const [ownTrend] = await loadCountyTrend(demo.coordinator, [today]);
    const [otherTrend] = await loadCountyTrend(otherCoordinator, [today]);
    expect(otherTrend).toMatchObject({ placesNeeded: 1000, availableNow: 5, municipalitiesShort: 1 });
    // The reference county's own figures (docs/domain.md), untouched by the neighbour's 1,000.
    expect(ownTrend).toMatchObject({ placesNeeded: 716, totalAvailability: 1123, municipalitiesShort: 7 });
  });
});
