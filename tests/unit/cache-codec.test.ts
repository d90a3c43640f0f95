import { describe, expect, it } from "vitest";
import { decodeFromCache, encodeForCache } from "../../lib/cache/codec";

// The cached data functions return Dates and Maps; unstable_cache keeps JSON.
const roundTrip = <T>(value: T) => decodeFromCache<T>(JSON.parse(JSON.stringify(encodeForCache(value))));

describe("the cache codec", () => {
  it("brings back Dates and Maps, nested in objects and arrays", () => {
    const value = {
      county: { name: "Landkreis Musterland", createdAt: new Date("2026-11-01T08:00:00.123Z") },
      offers: [{ id: "a", expiresAt: new Date("2026-12-01T00:00:00Z"), availableUntil: null, languages: ["de", "uk"] }],
      ceilings: new Map([["m1", new Map([[2, 600]])]]),
      total: 1,
    };
    const back = roundTrip(value);
    expect(back).toEqual(value);
    expect(back.county.createdAt).toBeInstanceOf(Date);
    expect(back.ceilings.get("m1")?.get(2)).toBe(600);
  });

  it("leaves plain values and look-alike text alone", () => {
    expect(roundTrip(null)).toBeNull();
    expect(roundTrip({ text: "$date", other: { $date: "x", more: 1 } })).toEqual({ text: "$date", other: { $date: "x", more: 1 } });
  });
});
