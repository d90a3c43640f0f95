import { describe, expect, it } from "vitest";
import { assessRent, ceilingFor, costsCovered } from "../../lib/offers/rent-ceilings";

// KdU ceilings at the exact boundaries (issue 11).

const table = new Map([
  [1, 450],
  [2, 540],
  [4, 740],
  [8, 1140],
]);
const offer = (warmRentEuros: number | null, persons: number, freeOfCharge = false) => ({ warmRentEuros, persons, freeOfCharge });

describe("the ceiling for a household", () => {
  it("is the one of the largest recorded size not above the persons", () => {
    expect(ceilingFor(table, 1)).toEqual({ size: 1, maxWarmRent: 450 });
    expect(ceilingFor(table, 3)).toEqual({ size: 2, maxWarmRent: 540 });
    expect(ceilingFor(table, 4)).toEqual({ size: 4, maxWarmRent: 740 });
    expect(ceilingFor(table, 12)).toEqual({ size: 8, maxWarmRent: 1140 });
    expect(ceilingFor(new Map([[2, 540]]), 1)).toBeNull();
    expect(ceilingFor(undefined, 3)).toBeNull();
  });
});

describe("an offer's rent", () => {
  it("at the ceiling is covered; one euro above is not", () => {
    expect(assessRent(offer(740, 4), table)).toEqual({ kind: "WITHIN", persons: 4, maxWarmRent: 740 });
    expect(assessRent(offer(741, 4), table)).toEqual({ kind: "ABOVE", persons: 4, maxWarmRent: 740 });
    expect(assessRent(offer(739, 4), table).kind).toBe("WITHIN");
    expect(costsCovered(assessRent(offer(740, 4), table))).toBe(true);
    expect(costsCovered(assessRent(offer(741, 4), table))).toBe(false);
  });
  it("free of charge is always covered; without a ceiling or a rent nothing is said", () => {
    expect(assessRent(offer(null, 3, true), table)).toEqual({ kind: "FREE" });
    expect(costsCovered({ kind: "FREE" })).toBe(true);
    expect(assessRent(offer(500, 3), undefined)).toEqual({ kind: "UNKNOWN" });
    expect(assessRent(offer(null, 3), table)).toEqual({ kind: "UNKNOWN" });
    expect(costsCovered({ kind: "UNKNOWN" })).toBe(false);
  });
});
