import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { offerFiltersSchema } from "../../lib/offers/filters";
import { listStaffOffers } from "../../lib/offers/oversight";
import { listPublicOffers } from "../../lib/offers/queries";
import { listRentCeilings, saveRentCeilings } from "../../lib/offers/rent-ceiling-service";
import { createOffer, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// Rent ceilings (issue 11): kept by admins, read by the board's filter and the staff list, at the
// exact boundary values.

let demo: Awaited<ReturnType<typeof seedBoardPlaces>>["demo"];
let place: Record<"a" | "b" | "other", Place>;
let offers: Record<string, string>;

const ceilings = (values: Record<number, string>) =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((size) => [`size${size}`, values[size] ?? ""]));
const code = async (promise: Promise<unknown>) => ((await promise.catch((error: unknown) => error)) as AppError).code;

beforeAll(async () => {
  ({ demo, places: place } = await seedBoardPlaces());
  await db().rentCeiling.deleteMany();
  const make = async (name: string, p: Place, persons: number, rent: number | null) =>
    [name, (await createOffer(p, "published", { persons, warmRentEuros: rent, freeOfCharge: rent === null })).id] as const;
  offers = Object.fromEntries(
    await Promise.all([
      make("atCeiling", place.a, 4, 740),
      make("oneAbove", place.a, 4, 741),
      make("free", place.a, 4, null),
      make("largeHousehold", place.a, 9, 1140),
      make("noCeilingInB", place.b, 2, 100),
    ]),
  );
});

describe("keeping the ceilings", () => {
  it("admins set them per municipality or for all; others may not; nothing crosses counties", async () => {
    expect(await code(saveRentCeilings(demo.coordinator, { municipalityId: place.a.id, ceilings: ceilings({ 1: "450" }) }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(saveRentCeilings(demo.clerkA, { municipalityId: place.a.id, ceilings: ceilings({ 1: "450" }) }))).toBe("FORBIDDEN");
    expect(await code(saveRentCeilings(demo.admin, { municipalityId: place.other.id, ceilings: ceilings({ 1: "450" }) }))).toBe(
      "NOT_FOUND",
    );
    const invalid = await saveRentCeilings(demo.admin, { municipalityId: place.a.id, ceilings: ceilings({ 1: "0", 2: "1e3" }) }).catch(
      (error: AppError) => error,
    );
    expect((invalid as AppError).fieldErrors).toHaveProperty("size1");
    expect((invalid as AppError).fieldErrors).toHaveProperty("size2");
    expect(await db().rentCeiling.count()).toBe(0);

    await saveRentCeilings(demo.admin, {
      municipalityId: place.a.id,
      applyToAll: false,
      ceilings: ceilings({ 1: "450", 2: "540", 4: "740", 8: "1.140" }),
    });
    const listed = (await listRentCeilings(demo.admin))!;
    expect(Object.fromEntries(listed.find((m) => m.id === place.a.id)!.ceilings)).toEqual({ 1: 450, 2: 540, 4: 740, 8: 1140 });
    expect(listed.find((m) => m.id === place.b.id)!.ceilings.size).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "county.rent-ceilings" } })).toBe(1);
  });
});

describe("the board reads them", () => {
  it("'Kosten werden übernommen' keeps free offers and rents up to the ceiling, not one euro above", async () => {
    const { offers: kept } = await listPublicOffers(offerFiltersSchema.parse({ kosten: "1" }));
    const ids = kept.map((offer) => offer.id);
    expect(ids).toContain(offers.atCeiling);
    expect(ids).toContain(offers.free);
    expect(ids).toContain(offers.largeHousehold); // 9 persons: the size-8 ceiling, 1.140 €
    expect(ids).not.toContain(offers.oneAbove);
    expect(ids).not.toContain(offers.noCeilingInB); // no ceiling recorded: nothing promised
  });

  it("the staff list flags the rent above the ceiling", async () => {
    const { offers: staff } = await listStaffOffers(demo.coordinator);
    const rentOf = (id: string) => staff.find((offer) => offer.id === id)!.rent;
    expect(rentOf(offers.oneAbove!)).toEqual({ kind: "ABOVE", persons: 4, maxWarmRent: 740 });
    expect(rentOf(offers.atCeiling!)).toEqual({ kind: "WITHIN", persons: 4, maxWarmRent: 740 });
    expect(rentOf(offers.noCeilingInB!)).toEqual({ kind: "UNKNOWN" });
  });

  it("applied to the whole county, Kommune B's offer is covered too", async () => {
    await saveRentCeilings(demo.admin, {
      municipalityId: place.a.id,
      applyToAll: true,
      ceilings: ceilings({ 1: "450", 2: "540", 4: "740", 8: "1140" }),
    });
    const { offers: kept } = await listPublicOffers(offerFiltersSchema.parse({ kosten: "1" }));
    expect(kept.map((offer) => offer.id)).toContain(offers.noCeilingInB);
  });
});
