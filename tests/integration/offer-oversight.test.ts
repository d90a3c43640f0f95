import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { db } from "../../lib/db/client";
import { saveLegalText, updateBoardSettings, updateMunicipalityMailbox } from "../../lib/offers/board-settings";
import { listAdviceFollowUps, listStaffOffers, markAdviceDone, staffEndOffer, staffExtendOffer } from "../../lib/offers/oversight";
import { auditOf, createOffer, DAY, failure, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// The intranet side of the offer board: who oversees which offers, what staff extend and end do
// and record, and what the follow-up list (the only staff view with contact data) records.

let demo: Awaited<ReturnType<typeof seedBoardPlaces>>["demo"];
let place: Record<"a" | "b" | "other", Place>;
let otherCoordinator: Actor;

const mailJobs = () => db().$queryRaw<{ data: { to: string; bcc?: string; text: string; countyId?: string } }[]>`
  SELECT data FROM pgboss.job WHERE name = 'mail-send' ORDER BY created_on, data->>'subject' LIKE 'Kopie: %'`;

beforeAll(async () => {
  ({ demo, places: place, otherCoordinator } = await seedBoardPlaces());
});

describe("who oversees which offers", () => {
  it("shows a clerk only its municipality's offers, without contact data, with counts per state", async () => {
    const [ownPublished, ownExpired, , foreign] = await Promise.all([
      createOffer(place.a, "published"),
      createOffer(place.a, "expired"),
      createOffer(place.a, "pending"),
      createOffer(place.b, "published"),
      createOffer(place.other, "published"),
    ]);
    await db().offerContact.create({
      data: { offerId: ownPublished.id, senderName: "S", senderEmail: "s@example.org", message: "Hallo", locale: "uk" },
    });

    const clerkList = await listStaffOffers(demo.clerkA);
    expect(clerkList.offers.map((offer) => offer.id).sort()).toEqual(
      (await db().housingOffer.findMany({ where: { municipalityId: place.a.id } })).map((offer) => offer.id).sort(),
    );
    expect(clerkList.offers.some((offer) => offer.id === foreign.id)).toBe(false);
    expect(clerkList.counts).toMatchObject({ published: 1, expired: 1, pending: 1 });
    for (const offer of clerkList.offers) {
      expect(offer).not.toHaveProperty("contactEmail");
      expect(offer).not.toHaveProperty("contactPhone");
    }
    expect(clerkList.offers.find((offer) => offer.id === ownPublished.id)).toMatchObject({
      contactCount: 1,
      state: "published",
      municipalityName: "Kommune A",
    });

    const expiredOnly = await listStaffOffers(demo.clerkA, { state: "expired" });
    expect(expiredOnly.offers.map((offer) => offer.id)).toEqual([ownExpired.id]);

    const coordinatorList = await listStaffOffers(demo.coordinator);
    expect(coordinatorList.offers.map((offer) => offer.id)).toContain(foreign.id);
    expect(coordinatorList.offers.every((offer) => offer.municipalityName !== "Nachbarstadt")).toBe(true);
  });

  it("shows a coordinator of another county nothing of the demo county", async () => {
    const list = await listStaffOffers(otherCoordinator);
    expect(list.offers.map((offer) => offer.municipalityName)).toEqual(["Nachbarstadt"]);
    const demoOffer = await createOffer(place.a, "published");
    expect((await failure(staffExtendOffer(otherCoordinator, demoOffer.id, "Bitte verlängern"))).code).toBe("NOT_FOUND");
    expect((await failure(staffEndOffer(otherCoordinator, demoOffer.id, "Unpassend"))).code).toBe("NOT_FOUND");
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: demoOffer.id } })).toMatchObject({
      status: "PUBLISHED",
      expiresAt: demoOffer.expiresAt,
    });
  });

  it("lets a clerk neither extend, end nor follow up another municipality's offer", async () => {
    const foreign = await createOffer(place.b, "expired");
    const placed = await createOffer(place.b, "placed", { wantsAdvice: true });
    expect((await failure(staffExtendOffer(demo.clerkA, foreign.id, "Noch aktuell"))).code).toBe("NOT_FOUND");
    expect((await failure(staffEndOffer(demo.clerkA, foreign.id, "Nicht mehr aktuell"))).code).toBe("NOT_FOUND");
    expect((await failure(markAdviceDone(demo.clerkA, placed.id))).code).toBe("NOT_FOUND");
    expect((await listAdviceFollowUps(demo.clerkA)).map((offer) => offer.id)).not.toContain(placed.id);
    expect(await db().housingOffer.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      status: "PUBLISHED",
      expiresAt: foreign.expiresAt,
    });
    expect(await db().auditEvent.count({ where: { subjectId: { in: [foreign.id, placed.id] } } })).toBe(0);
  });

  it("forbids the press office everything", async () => {
    const offer = await createOffer(place.a, "published");
    const calls: Promise<unknown>[] = [
      listStaffOffers(demo.press),
      staffExtendOffer(demo.press, offer.id, "Bitte verlängern"),
      staffEndOffer(demo.press, offer.id, "Bitte löschen"),
      listAdviceFollowUps(demo.press),
      markAdviceDone(demo.press, offer.id),
      updateBoardSettings(demo.press, { offerDefaultDays: "7" }),
      updateMunicipalityMailbox(demo.press, place.a.id, "x@example.org"),
      saveLegalText(demo.press, { kind: "PRIVACY", locale: "de", body: "Text" }),
    ];
    for (const call of calls) expect((await failure(call)).code).toBe("FORBIDDEN");
  });
});

describe("staff extend and end", () => {
  it("lists an offer the stale-offer check hid again when staff extend it, with a new round of the check", async () => {
    const hiddenAt = new Date(Date.now() - DAY);
    const offer = await createOffer(place.a, "published", { staleCheckSentAt: new Date(Date.now() - 4 * DAY), staleHiddenAt: hiddenAt });
    expect((await staffExtendOffer(demo.coordinator, offer.id, "Telefonisch bestätigt: noch frei")).changed).toBe(true);
    const row = await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ staleHiddenAt: null, staleCheckSentAt: null });
    expect(row.keptAt!.getTime()).toBeGreaterThan(hiddenAt.getTime());
  });

  it("extends an expired offer by seven days once, records the reason and mails a fresh manage link", async () => {
    const offer = await createOffer(place.a, "expired", { reminderSentAt: new Date(Date.now() - 2 * DAY) });
    const jobsBefore = (await mailJobs()).length;
    const before = Date.now();
    const results = await Promise.all([
      staffExtendOffer(demo.coordinator, offer.id, "Anbieter hat angerufen"),
      staffExtendOffer(demo.coordinator, offer.id, "Anbieter hat angerufen"),
    ]);
    expect(results.filter((result) => result.changed)).toHaveLength(1);

    const row = await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(row.expiresAt!.getTime()).toBeLessThan(Date.now() + 7 * DAY + 1000);
    expect(row.reminderSentAt).toBeNull();
    expect(await db().offerToken.count({ where: { offerId: offer.id } })).toBe(1);

    const events = await auditOf("offer.extended", offer.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: demo.coordinator.id, countyId: demo.countyId });
    expect(events[0]!.after).toMatchObject({ by: "staff", reason: "Anbieter hat angerufen" });

    const jobs = (await mailJobs()).slice(jobsBefore);
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.data.to).toBe(offer.contactEmail);
    expect(jobs[0]!.data.text).toMatch(/http:\/\/localhost:3999\/de\/verwalten\/[A-Za-z0-9_-]{43}/);
    // The municipality's copy: the same mail without the link and the address.
    expect(jobs[1]!.data.to).toBe("wohnraum@kommune-a.musterland.example");
    expect(jobs[1]!.data.text).not.toMatch(/\/verwalten\//);
    expect(jobs[1]!.data.text).not.toContain(offer.contactEmail!);
  });

  it("ends an offer once as staff, records and mails the reason", async () => {
    const offer = await createOffer(place.a, "published");
    const jobsBefore = (await mailJobs()).length;
    const [first, second] = await Promise.all([
      staffEndOffer(demo.clerkA, offer.id, "Doppelter Eintrag"),
      staffEndOffer(demo.clerkA, offer.id, "Doppelter Eintrag"),
    ]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    const row = await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(row).toMatchObject({ status: "DELETED", endedBy: "STAFF" });
    expect(row.endedAt).toBeInstanceOf(Date);

    const events = await auditOf("offer.deleted", offer.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: demo.clerkA.id });
    expect(events[0]!.after).toMatchObject({ by: "staff", reason: "Doppelter Eintrag" });
    const jobs = (await mailJobs()).slice(jobsBefore);
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.data).toMatchObject({ to: offer.contactEmail, countyId: demo.countyId });
    expect(jobs[0]!.data.text).toContain("Doppelter Eintrag");
    expect(jobs[1]!.data).toMatchObject({ to: "wohnraum@kommune-a.musterland.example", countyId: demo.countyId });

    // Ended offers can be extended no more.
    expect((await failure(staffExtendOffer(demo.clerkA, offer.id, "Doch noch"))).code).toBe("CONFLICT");
  });

  it("refuses a missing, short or multi-line reason and changes nothing", async () => {
    const offer = await createOffer(place.a, "published");
    for (const reason of [undefined, "", "  x ", "Zeile eins\nZeile zwei", "x".repeat(501)]) {
      const error = await failure(staffEndOffer(demo.coordinator, offer.id, reason));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.reason?.length).toBeGreaterThan(0);
    }
    expect((await failure(staffEndOffer(demo.coordinator, "bad id!", "Grund genug"))).fieldErrors?.offerId).toBeDefined();
    expect((await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("PUBLISHED");
    expect(await db().auditEvent.count({ where: { subjectId: offer.id } })).toBe(0);
  });

  it("ends an offer whose contact data is erased without mailing anyone", async () => {
    const offer = await createOffer(place.a, "expired", {
      contactEmail: null,
      contactPhone: null,
      personalDataErasedAt: new Date(),
      expiresAt: new Date(Date.now() - 40 * DAY),
    });
    const jobsBefore = (await mailJobs()).length;
    expect((await failure(staffExtendOffer(demo.coordinator, offer.id, "Verlängern"))).code).toBe("CONFLICT");
    expect((await staffEndOffer(demo.coordinator, offer.id, "Aufräumen")).changed).toBe(true);
    expect(await mailJobs()).toHaveLength(jobsBefore);
  });
});

describe("advice follow-ups", () => {
  it("lists placed offers with an advice wish, open first, and records every view of contact data", async () => {
    const done = await createOffer(place.a, "placed", { wantsAdvice: true, adviceDoneAt: new Date(Date.now() - 3600_000) });
    const open = await createOffer(place.a, "placed", { wantsAdvice: true });
    const erased = await createOffer(place.a, "placed", {
      wantsAdvice: true,
      contactEmail: null,
      contactPhone: null,
      personalDataErasedAt: new Date(),
    });
    await createOffer(place.a, "placed"); // no advice wanted: not listed

    const viewsBefore = await db().auditEvent.count({ where: { action: "offer.contact-viewed" } });
    const list = await listAdviceFollowUps(demo.clerkA);
    const ids = list.map((offer) => offer.id);
    expect(ids).toEqual(expect.arrayContaining([done.id, open.id, erased.id]));
    expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(done.id));
    expect(list.find((offer) => offer.id === open.id)).toMatchObject({ contactEmail: open.contactEmail, contactPhone: "0711 123456" });

    const views = await db().auditEvent.findMany({
      where: { action: "offer.contact-viewed" },
      orderBy: { createdAt: "asc" },
      skip: viewsBefore,
    });
    const shownWithContact = list.filter((offer) => offer.contactEmail !== null || offer.contactPhone !== null);
    expect(views).toHaveLength(shownWithContact.length);
    expect(views.map((view) => view.subjectId).sort()).toEqual(shownWithContact.map((offer) => offer.id).sort());
    expect(views.every((view) => view.actorId === demo.clerkA.id && view.subjectType === "HousingOffer")).toBe(true);
    expect(views.map((view) => view.subjectId)).not.toContain(erased.id);

    // A second visit is a second record.
    await listAdviceFollowUps(demo.clerkA);
    expect(await db().auditEvent.count({ where: { action: "offer.contact-viewed", subjectId: open.id } })).toBe(2);
  });

  it("marks advice done once, audited", async () => {
    const offer = await createOffer(place.a, "placed", { wantsAdvice: true });
    expect((await markAdviceDone(demo.clerkA, offer.id)).changed).toBe(true);
    expect((await markAdviceDone(demo.clerkA, offer.id)).changed).toBe(false);
    expect((await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } })).adviceDoneAt).toBeInstanceOf(Date);
    expect(await auditOf("offer.advice-done", offer.id)).toHaveLength(1);
  });
});
