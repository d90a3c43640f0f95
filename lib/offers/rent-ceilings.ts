// Rent ceilings (KdU): job centres and social welfare offices pay only an "angemessene" rent, set
// by the county per municipality and household size. Pure functions, so the offer page, the
// staff list, the filter's SQL (list-sql.ts) and the tests agree (offer-list-sql.test.ts checks the SQL).

/** Household sizes the table has columns for; the last applies to larger households too. */
export const CEILING_SIZES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const MAX_CEILING_EUROS = 20_000;

/** A municipality's ceilings: household size → highest warm rent per month in whole euros. */
export type CeilingTable = ReadonlyMap<number, number>;

/**
 * The ceiling for a household of `persons`: the one for the largest size the table has that is
 * not above `persons` (so a household of 9 uses the size-8 ceiling; sizes left empty fall back to
 * the next smaller one). Null when the table has no size that small.
 */
export function ceilingFor(table: CeilingTable | undefined, persons: number): { size: number; maxWarmRent: number } | null {
  if (!table) return null;
  let best: { size: number; maxWarmRent: number } | null = null;
  for (const [size, maxWarmRent] of table) {
    if (size <= persons && (!best || size > best.size)) best = { size, maxWarmRent };
  }
  return best;
}

export type RentAssessment =
  /** Free of charge: nothing to pay. */
  | { kind: "FREE" }
  /** At or below the ceiling for the persons it can house: the office pays. */
  | { kind: "WITHIN"; persons: number; maxWarmRent: number }
  /** Above it: the seeker's office will not pay the whole rent. */
  | { kind: "ABOVE"; persons: number; maxWarmRent: number }
  /** No ceiling recorded for the municipality (or no rent stated). */
  | { kind: "UNKNOWN" };

export function assessRent(
  offer: { freeOfCharge: boolean; warmRentEuros: number | null; persons: number },
  table: CeilingTable | undefined,
): RentAssessment {
  if (offer.freeOfCharge) return { kind: "FREE" };
  const ceiling = ceilingFor(table, offer.persons);
  if (!ceiling || offer.warmRentEuros === null) return { kind: "UNKNOWN" };
  return offer.warmRentEuros > ceiling.maxWarmRent
    ? { kind: "ABOVE", persons: offer.persons, maxWarmRent: ceiling.maxWarmRent }
    : { kind: "WITHIN", persons: offer.persons, maxWarmRent: ceiling.maxWarmRent };
}

/** Whether the filter "Kosten werden übernommen (unter Obergrenze)" lists the offer. */
export function costsCovered(assessment: RentAssessment): boolean {
  return assessment.kind === "FREE" || assessment.kind === "WITHIN";
}
