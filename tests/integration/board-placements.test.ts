import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { loadMonthlyBoardPlacements, loadPlacedSinceLastReport, loadPlacementsByOffer } from "../../lib/board-placements/queries";
import { recordBoardPlacement } from "../../lib/board-placements/service";
import { addDays, berlinDay, dayToDate } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { SEED_DAY } from "../support/fixtures";
import { auditOf, createOffer, DAY, failure, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// Placements from the board (/angebote "Vermittlung erfassen"): who may record for which offer,
// where the municipality comes from, what is refused, and the two reads (the municipality
// page's months and the report form's "since the last report").

let demo: Awaited<ReturnType<typeof seedBoardPlaces>>["demo"];
let place: Record<"a" | "b" | "other", Place>;
let otherCoordinator: Actor;
const today = berlinDay();

const municipality = (slug: string) =>
  db().municipality.findFirstOrThrow({ where: { countyId: demo.countyId, slug }, select: { id: true, countyId: true } });
const placementCount = () => db().boardPlacement.count();

beforeAll(async () => {
  ({ demo, places: place, otherCoordinator } = await seedBoardPlaces());
});

describe("recording a placement", () => {
  it("stores a clerk's placement with the offer's municipality, whatever the client sends, and records it", async () => {
    const offer = await createOffer(place.a, "published");
    const result = await recordBoardPlacement(demo.clerkA, {
      offerId: offer.id,
      householdSize: "4",
      placedOn: today,
      // A replayed request naming another municipality or county changes nothing.
      municipalityId: place.b.id,
      countyId: place.other.countyId,
    });
    expect(result).toMatchObject({ offerId: offer.id, municipalityId: place.a.id, householdSize: 4, placedOn: today });
    const row = await db().boardPlacement.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      countyId: demo.countyId,
      municipalityId: place.a.id,
      offerId: offer.id,
      householdSize: 4,
      placedOn: dayToDate(today),
      recordedById: demo.clerkA.id,
    });
    const events = await auditOf("board.placement.recorded", result.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: demo.clerkA.id, countyId: demo.countyId, subjectType: "BoardPlacement" });
    expect(events[0]!.after).toEqual({ offerId: offer.id, municipalityId: place.a.id, householdSize: 4, placedOn: today });
  });

  it("allows several placements from one offer, also after it ended, and counts them per offer", async () => {
    const house = await createOffer(place.a, "placed", { type: "HOUSE", persons: 8 });
    const yesterday = addDays(today, -1);
    await recordBoardPlacement(demo.clerkA, { offerId: house.id, householdSize: "5", placedOn: yesterday });
    await recordBoardPlacement(demo.coordinator, { offerId: house.id, householdSize: 3, placedOn: today });
    expect(await db().boardPlacement.count({ where: { offerId: house.id } })).toBe(2);
    expect((await loadPlacementsByOffer(demo.clerkA, [house.id])).get(house.id)).toEqual({ placements: 2, persons: 8 });
    // A clerk of another municipality learns nothing about it.
    expect((await loadPlacementsByOffer(demo.clerkM, [house.id])).size).toBe(0);
  });

  it("lets a coordinator record for any municipality of the county", async () => {
    const offer = await createOffer(place.b, "expired");
    const result = await recordBoardPlacement(demo.coordinator, { offerId: offer.id, householdSize: "2", placedOn: today });
    expect(result.municipalityId).toBe(place.b.id);
  });

  it("refuses an offer outside the actor's oversight, and stores nothing", async () => {
    const foreign = await createOffer(place.b, "published");
    const before = await placementCount();
    const eventsBefore = await db().auditEvent.count({ where: { action: "board.placement.recorded" } });
    for (const actor of [demo.clerkA, demo.clerkM, demo.clerkR, otherCoordinator]) {
      const error = await failure(recordBoardPlacement(actor, { offerId: foreign.id, householdSize: "2", placedOn: today }));
      expect(error.code, actor.email).toBe("NOT_FOUND");
    }
    expect(await placementCount()).toBe(before);
    expect(await db().auditEvent.count({ where: { action: "board.placement.recorded" } })).toBe(eventsBefore);
  });

  it("forbids the press office and admins, who do not report figures", async () => {
    const offer = await createOffer(place.a, "published");
    const before = await placementCount();
    for (const actor of [demo.press, demo.admin]) {
      expect((await failure(recordBoardPlacement(actor, { offerId: offer.id, householdSize: "2", placedOn: today }))).code).toBe(
        "FORBIDDEN",
      );
    }
    expect(await placementCount()).toBe(before);
  });

  it("answers bad input with a message at the field and stores nothing", async () => {
    const offer = await createOffer(place.a, "published");
    const before = await placementCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ householdSize: "0" }, "householdSize"],
      [{ householdSize: "1e3" }, "householdSize"],
      [{ householdSize: "31" }, "householdSize"],
      [{ householdSize: "2,5" }, "householdSize"],
      [{ householdSize: "" }, "householdSize"],
      [{ householdSize: "3\u0000" }, "householdSize"],
      [{ householdSize: { $gt: 0 } }, "householdSize"],
      [{ placedOn: addDays(today, 1) }, "placedOn"],
      [{ placedOn: "1999-12-31" }, "placedOn"],
      [{ placedOn: "2026-02-30" }, "placedOn"],
      [{ placedOn: `${today}\u0000` }, "placedOn"],
      [{ offerId: `${offer.id}\u0000` }, "offerId"],
      [{ offerId: "" }, "offerId"],
    ];
    for (const [change, field] of cases) {
      const error = await failure(recordBoardPlacement(demo.clerkA, { offerId: offer.id, householdSize: "2", placedOn: today, ...change }));
      expect(error.code, JSON.stringify(change)).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(change)).toEqual([field]);
    }
    expect(await placementCount()).toBe(before);
  });

  it("refuses an unconfirmed offer and a day before the offer was published", async () => {
    const pending = await createOffer(place.a, "pending");
    expect((await failure(recordBoardPlacement(demo.clerkA, { offerId: pending.id, householdSize: "2", placedOn: today }))).code).toBe(
      "CONFLICT",
    );
    const recent = await createOffer(place.a, "published", { confirmedAt: new Date(Date.now() - 60_000) });
    const early = await failure(
      recordBoardPlacement(demo.clerkA, { offerId: recent.id, householdSize: "2", placedOn: addDays(today, -3) }),
    );
    expect(early.fieldErrors?.placedOn?.[0]).toMatch(/erst seit dem/);
    expect(await db().boardPlacement.count({ where: { offerId: { in: [pending.id, recent.id] } } })).toBe(0);
  });
});

describe("the municipality page's months", () => {
  it("sums placements and persons per month over the last 12 months, newest first, in the own county only", async () => {
    const c = await municipality("kommune-c");
    const rows: [string, number][] = [
      ["2026-06-15", 2],
      ["2026-06-01", 3],
      ["2026-05-31", 1],
      ["2025-07-01", 4], // the oldest month shown
      ["2025-06-30", 5], // one month too old
      ["2026-06-16", 6], // after "today"
    ];
    await db().boardPlacement.createMany({
      data: rows.map(([day, householdSize]) => ({ countyId: c.countyId, municipalityId: c.id, householdSize, placedOn: dayToDate(day) })),
    });
    const months = await loadMonthlyBoardPlacements(demo.press, c.id, "2026-06-15");
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: "2026-06", placements: 2, persons: 5 });
    expect(months[1]).toEqual({ month: "2026-05", placements: 1, persons: 1 });
    expect(months[11]).toEqual({ month: "2025-07", placements: 1, persons: 4 });
    expect(months.slice(2, 11).every((month) => month.placements === 0 && month.persons === 0)).toBe(true);
    // Another county's coordinator sees none of them.
    const foreign = await loadMonthlyBoardPlacements(otherCoordinator, c.id, "2026-06-15");
    expect(foreign.every((month) => month.placements === 0)).toBe(true);
  });
});

describe("the report form's hint", () => {
  it("sums the persons placed after the latest report's date, and all of them before a first report", async () => {
    const d = await municipality("kommune-d");
    const offer = await createOffer({ id: d.id, countyId: d.countyId }, "published", { confirmedAt: new Date(Date.now() - 3 * DAY) });
    // The demo's latest report of Kommune D is dated SEED_DAY (yesterday).
    await recordBoardPlacement(demo.coordinator, { offerId: offer.id, householdSize: "4", placedOn: SEED_DAY });
    await recordBoardPlacement(demo.coordinator, { offerId: offer.id, householdSize: "2", placedOn: today });
    await recordBoardPlacement(demo.coordinator, { offerId: offer.id, householdSize: "3", placedOn: today });
    expect(await loadPlacedSinceLastReport(demo.coordinator, d.id)).toEqual({ since: SEED_DAY, placements: 2, persons: 5 });

    // A report for today: nothing placed since.
    await db().capacityReport.create({ data: { municipalityId: d.id, reportingDate: dayToDate(today), quotaOutstanding: 0 } });
    expect(await loadPlacedSinceLastReport(demo.coordinator, d.id)).toEqual({ since: today, placements: 0, persons: 0 });

    const fresh = await db().municipality.create({ data: { countyId: demo.countyId, name: "Neustadt", slug: "neustadt" } });
    await db().boardPlacement.createMany({
      data: [
        { countyId: demo.countyId, municipalityId: fresh.id, householdSize: 2, placedOn: dayToDate("2024-03-01") },
        { countyId: demo.countyId, municipalityId: fresh.id, householdSize: 1, placedOn: dayToDate(today) },
      ],
    });
    expect(await loadPlacedSinceLastReport(demo.clerkA, fresh.id)).toEqual({ since: null, placements: 2, persons: 3 });
    expect(await loadPlacedSinceLastReport(otherCoordinator, fresh.id)).toEqual({ since: null, placements: 0, persons: 0 });
  });
});
