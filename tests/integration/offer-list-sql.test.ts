import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { offerFiltersSchema, PAGE_SIZE, type OfferFilters } from "../../lib/offers/filters";
import { isListed } from "../../lib/offers/lifecycle";
import { listPublicOffers } from "../../lib/offers/queries";
import { loadCeilingTables } from "../../lib/offers/rent-ceiling-service";
import { assessRent, costsCovered } from "../../lib/offers/rent-ceilings";
import { createOffer, DAY, seedBoardPlaces, type OfferKind } from "../support/offer-fixtures";

// The public list's SQL (lib/offers/list-sql.ts) against a plain reading of the rules: every
// filter, the three orders and the pages, for random filters over a varied set of offers. The
// reference reads the rows with Prisma and decides in JavaScript with lifecycle.ts (listed) and
// rent-ceilings.ts (the ceiling rule), which the pages and the staff list use.

const TYPES = ["ROOM", "FLAT", "HOUSE", "SHARED_FLAT_ROOM"] as const;
const now = new Date();
let countyId: string;

beforeAll(async () => {
  const { places } = await seedBoardPlaces();
  countyId = places.a.countyId;
  const random = fc.sample(
    fc.record({
      kind: fc.constantFrom<OfferKind>("published", "published", "published", "published", "expired", "placed", "pending"),
      inB: fc.boolean(),
      type: fc.constantFrom(...TYPES),
      persons: fc.integer({ min: 1, max: 7 }),
      free: fc.boolean(),
      rent: fc.option(fc.integer({ min: 200, max: 1400 })),
      fromDay: fc.integer({ min: -10, max: 40 }),
      confirmedHoursAgo: fc.integer({ min: 1, max: 300 }),
      barrierFree: fc.boolean(),
      pets: fc.boolean(),
      hidden: fc.boolean(),
    }),
    { numRuns: 70, seed: 11 },
  );
  for (const offer of random) {
    const confirmedAt = new Date(now.getTime() - offer.confirmedHoursAgo * 3_600_000);
    await createOffer(offer.inB ? places.b : places.a, offer.kind, {
      type: offer.type,
      persons: offer.persons,
      freeOfCharge: offer.free,
      warmRentEuros: offer.free ? null : offer.rent,
      availableFrom: new Date(Date.UTC(2026, 11, 1) + offer.fromDay * DAY),
      barrierFree: offer.barrierFree,
      petsAllowed: offer.pets,
      ...(offer.kind === "published" ? { confirmedAt, expiresAt: new Date(confirmedAt.getTime() + 30 * DAY) } : {}),
      ...(offer.kind === "published" && offer.hidden && offer.pets
        ? { staleCheckSentAt: new Date(now.getTime() - 5 * DAY), staleHiddenAt: new Date(now.getTime() - DAY) }
        : {}),
    });
  }
  // Ceilings for Kommune A only (B has none: its rents are "unknown", not covered).
  await db().rentCeiling.deleteMany({ where: { countyId } });
  for (const [size, max] of [
    [1, 450],
    [2, 560],
    [4, 800],
  ] as const) {
    await db().rentCeiling.create({ data: { countyId, municipalityId: places.a.id, householdSize: size, maxWarmRent: max } });
  }
});

async function reference(filters: OfferFilters) {
  const [rows, ceilings] = await Promise.all([
    db().housingOffer.findMany({ where: { countyId }, include: { municipality: { select: { slug: true } } } }),
    loadCeilingTables(countyId),
  ]);
  const matching = rows.filter(
    (offer) =>
      isListed(offer, now) &&
      (!filters.gemeinde || offer.municipality.slug === filters.gemeinde) &&
      (!filters.art || offer.type === filters.art) &&
      (!filters.personen || offer.persons >= filters.personen) &&
      (filters.miete === undefined || offer.freeOfCharge || (offer.warmRentEuros !== null && offer.warmRentEuros <= filters.miete)) &&
      (!filters.ab || offer.availableFrom <= dayToDate(filters.ab)) &&
      (!filters.barrierefrei || offer.barrierFree) &&
      (!filters.haustiere || offer.petsAllowed) &&
      (!filters.kosten || costsCovered(assessRent(offer, ceilings.get(offer.municipalityId)))),
  );
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const time = (date: Date | null) => date?.getTime() ?? 0;
  const order = {
    neu: (a: (typeof rows)[number], b: (typeof rows)[number]) => time(b.confirmedAt) - time(a.confirmedAt) || byId(a, b),
    frei: (a: (typeof rows)[number], b: (typeof rows)[number]) =>
      time(a.availableFrom) - time(b.availableFrom) || time(b.confirmedAt) - time(a.confirmedAt) || byId(a, b),
    miete: (a: (typeof rows)[number], b: (typeof rows)[number]) =>
      Number(b.freeOfCharge) - Number(a.freeOfCharge) || (a.warmRentEuros ?? -1) - (b.warmRentEuros ?? -1) || byId(a, b),
  }[filters.sortierung];
  return matching.sort(order).map((offer) => offer.id);
}

async function expectSameAsReference(filters: OfferFilters) {
  const expected = await reference(filters);
  const pages = Math.max(1, Math.ceil(expected.length / PAGE_SIZE));
  for (let seite = 1; seite <= pages; seite++) {
    const result = await listPublicOffers({ ...filters, seite }, now);
    expect(result.total).toBe(expected.length);
    expect(result.offers.map((offer) => offer.id)).toEqual(expected.slice((seite - 1) * PAGE_SIZE, seite * PAGE_SIZE));
  }
  return expected.length;
}

describe("the public list's SQL", () => {
  it.each(["neu", "frei", "miete"])("orders all listed offers by %s, over every page", async (sortierung) => {
    expect(await expectSameAsReference(offerFiltersSchema.parse({ sortierung }))).toBeGreaterThan(PAGE_SIZE);
  });

  it("lists exactly the listed offers a filter matches, in the chosen order, page by page", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            gemeinde: fc.constantFrom("kommune-a", "kommune-b", "gibt-es-nicht"),
            art: fc.constantFrom(...TYPES),
            personen: fc.integer({ min: 1, max: 7 }).map(String),
            miete: fc.integer({ min: 0, max: 1500 }).map(String),
            ab: fc.integer({ min: -12, max: 42 }).map((day) => new Date(Date.UTC(2026, 11, 1) + day * DAY).toISOString().slice(0, 10)),
            barrierefrei: fc.constant("1"),
            haustiere: fc.constant("1"),
            kosten: fc.constant("1"),
            sortierung: fc.constantFrom("neu", "frei", "miete"),
          },
          { requiredKeys: ["sortierung"] },
        ),
        async (raw) => {
          await expectSameAsReference(offerFiltersSchema.parse(raw));
        },
      ),
      { numRuns: 80, seed: 7 },
    );
  });
});
