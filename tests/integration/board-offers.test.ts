import { beforeAll, describe, expect, it } from "vitest";
import { loadCountyEvaluation } from "../../lib/capacity/queries";
import { addDays, berlinDay } from "../../lib/dates";
import { evaluationTotals } from "../../lib/exports/columns";
import { offerFiltersSchema } from "../../lib/offers/filters";
import { listPublicOffers } from "../../lib/offers/queries";
import { createOffer, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// The board and the county picture meet (issue 11): /lage's "Private Angebote (Börse)" equals
// what the board lists for each municipality, apart from the reported figures.

let demo: Awaited<ReturnType<typeof seedBoardPlaces>>["demo"];
let place: Record<"a" | "b" | "other", Place>;

beforeAll(async () => {
  ({ demo, places: place } = await seedBoardPlaces());
  await Promise.all([
    createOffer(place.a, "published", { persons: 4 }),
    createOffer(place.a, "published", { persons: 2 }),
    createOffer(place.a, "expired", { persons: 7 }),
    createOffer(place.a, "pending", { persons: 9 }),
    createOffer(place.b, "published", { persons: 5 }),
    createOffer(place.b, "placed", { persons: 3 }),
    createOffer(place.other, "published", { persons: 11 }),
  ]);
});

describe("private offers on /lage", () => {
  it("equal the board's listed offers of each municipality, and the county sums them", async () => {
    const evaluation = (await loadCountyEvaluation(demo.coordinator, berlinDay()))!;
    for (const row of evaluation.rows) {
      const listed = await listPublicOffers(offerFiltersSchema.parse({ gemeinde: row.slug }));
      const persons = listed.offers.reduce((sum, offer) => sum + offer.persons, 0);
      expect(row.boardOffers, row.name).toEqual({ offers: listed.total, persons });
    }
    expect(evaluation.rows.find((row) => row.slug === "kommune-a")!.boardOffers).toEqual({ offers: 2, persons: 6 });
    expect(evaluation.boardOffers).toEqual({ offers: 3, persons: 11 });
    // A column apart: the places and the county's totals are the reported ones.
    const totals = evaluationTotals(evaluation);
    expect(totals.boardOffers).toBe(3);
    expect(totals.boardPersons).toBe(11);
    expect(evaluation.totals.totalAvailability).toBe(evaluation.rows.reduce((sum, row) => sum + row.totalPlaces, 0));
  });

  it("at a past Stand counts the offers listed then: not yet confirmed ones are left out, since-ended ones count", async () => {
    const twoDaysAgo = (await loadCountyEvaluation(demo.coordinator, addDays(berlinDay(), -2)))!;
    const a = twoDaysAgo.rows.find((row) => row.slug === "kommune-a")!;
    // The two published offers were confirmed yesterday; the expired one ran until yesterday.
    expect(a.boardOffers).toEqual({ offers: 1, persons: 7 });
    // Kommune B's placed offer (confirmed 5 days ago, ended yesterday) was listed two days ago.
    expect(twoDaysAgo.rows.find((row) => row.slug === "kommune-b")!.boardOffers).toEqual({ offers: 1, persons: 3 });
  });
});
