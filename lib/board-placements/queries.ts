import "server-only";
import { type Actor, can, overseeableOffers } from "../auth/actor";
import { COUNTED_REPORT } from "../capacity/report-row";
import { berlinDay, dateToDay, dayToDate } from "../dates";
import { db } from "../db/client";

// Reads of the placements recorded from the board: sizes and days only, limited to the actor's
// county (the access rule is part of each query).

/** Months of the municipality page's table, the current one included. */
export const PLACEMENT_MONTHS = 12;

export interface PlacementMonth {
  /** YYYY-MM */
  month: string;
  placements: number;
  persons: number;
}

/** YYYY-MM of `months` months before the month of `day`. */
function monthBefore(day: string, months: number): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - months, 1));
  return date.toISOString().slice(0, 7);
}

/** The municipality's placements per month over the last PLACEMENT_MONTHS months, newest first (months without any: 0). */
export async function loadMonthlyBoardPlacements(actor: Actor, municipalityId: string, today = berlinDay()): Promise<PlacementMonth[]> {
  if (!can(actor, "evaluation:read")) return [];
  const months = Array.from({ length: PLACEMENT_MONTHS }, (_, index) => monthBefore(today, index));
  const rows = await db().boardPlacement.findMany({
    where: {
      countyId: actor.countyId,
      municipalityId,
      placedOn: { gte: dayToDate(`${months.at(-1)!}-01`), lte: dayToDate(today) },
    },
    select: { placedOn: true, householdSize: true },
  });
  const byMonth = new Map(months.map((month) => [month, { month, placements: 0, persons: 0 }]));
  for (const row of rows) {
    const entry = byMonth.get(dateToDay(row.placedOn).slice(0, 7));
    if (!entry) continue;
    entry.placements += 1;
    entry.persons += row.householdSize;
  }
  return [...byMonth.values()];
}

export interface PlacedSinceReport {
  /** Reporting date of the latest report; null when the municipality never reported. */
  since: string | null;
  placements: number;
  persons: number;
}

/**
 * Persons placed through the board after the latest report's reporting date (all of them when
 * there is no report yet), for the report form's hint.
 */
export async function loadPlacedSinceLastReport(actor: Actor, municipalityId: string): Promise<PlacedSinceReport | null> {
  if (!can(actor, "evaluation:read")) return null;
  const latest = await db().capacityReport.findFirst({
    where: { municipalityId, municipality: { countyId: actor.countyId }, ...COUNTED_REPORT },
    orderBy: { reportingDate: "desc" },
    select: { reportingDate: true },
  });
  const sum = await db().boardPlacement.aggregate({
    where: { countyId: actor.countyId, municipalityId, ...(latest ? { placedOn: { gt: latest.reportingDate } } : {}) },
    _count: { _all: true },
    _sum: { householdSize: true },
  });
  return {
    since: latest ? dateToDay(latest.reportingDate) : null,
    placements: sum._count._all,
    persons: sum._sum.householdSize ?? 0,
  };
}

/** Placements recorded so far per offer the actor oversees (for the staff list). */
export async function loadPlacementsByOffer(
  actor: Actor,
  offerIds: string[],
): Promise<Map<string, { placements: number; persons: number }>> {
  if (!can(actor, "offers:oversee") || offerIds.length === 0) return new Map();
  const groups = await db().boardPlacement.groupBy({
    by: ["offerId"],
    where: { countyId: actor.countyId, offerId: { in: offerIds }, offer: overseeableOffers(actor) },
    _count: { _all: true },
    _sum: { householdSize: true },
  });
  return new Map(
    groups.flatMap((group) =>
      group.offerId ? [[group.offerId, { placements: group._count._all, persons: group._sum.householdSize ?? 0 }] as const] : [],
    ),
  );
}
