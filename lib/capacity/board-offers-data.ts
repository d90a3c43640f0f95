import "server-only";
import { berlinDay } from "../dates";
import { db } from "../db/client";
import { listedWhere } from "../offers/lifecycle";
import type { BoardOffers } from "./board-offers";

// Offers listed on the public board per municipality, at a Stand. Today: exactly what the board
// lists now (listedWhere). A past day: offers confirmed before its end and neither ended nor expired by then
// (an expiry later pushed back by an extension counts from its new date, so an offer that lapsed
// and was extended afterwards may be counted for the gap).

function endOfBerlinDay(day: string): Date {
  // Midnight after the day in Berlin: the first instant whose Berlin day is later.
  const utcGuess = new Date(`${day}T22:00:00Z`);
  for (let hours = 0; hours < 4; hours++) {
    const candidate = new Date(utcGuess.getTime() + hours * 3_600_000);
    if (berlinDay(candidate) > day) return candidate;
  }
  return new Date(`${day}T24:00:00Z`);
}

export async function loadBoardOffers(countyId: string, asOf: string, now = new Date()): Promise<Map<string, BoardOffers>> {
  const at = asOf >= berlinDay(now) ? now : endOfBerlinDay(asOf);
  const listed =
    at === now
      ? listedWhere(now)
      : {
          status: { in: ["PUBLISHED" as const, "PLACED" as const, "DELETED" as const] },
          confirmedAt: { lt: at },
          expiresAt: { gt: at },
          OR: [{ endedAt: null }, { endedAt: { gte: at } }],
          // Hidden by the stale-offer check (lib/offers/stale.ts) before the day's end: not listed.
          AND: [{ OR: [{ staleHiddenAt: null }, { staleHiddenAt: { gte: at } }] }],
        };
  const groups = await db().housingOffer.groupBy({
    by: ["municipalityId"],
    where: { countyId, ...listed },
    _count: { _all: true },
    _sum: { persons: true },
  });
  return new Map(groups.map((group) => [group.municipalityId, { offers: group._count._all, persons: group._sum.persons ?? 0 }]));
}
