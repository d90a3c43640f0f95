import "server-only";
import { type Actor, can } from "../auth/actor";
import { addDays, dateToDay, dayToDate } from "../dates";
import { db } from "../db/client";
import { forbidden } from "../errors";
import { BOARD_WEEKS, boardWeeks, firstBoardDay, type BoardWeek } from "./weekly";

// The board's weekly figures for the actor's county (press office, coordinators, admins). Only
// the offers' status and timestamps and the placements' days are read: nothing personal.

export async function loadBoardWeeks(actor: Actor, now = new Date(), weeks = BOARD_WEEKS): Promise<BoardWeek[]> {
  if (!can(actor, "export:read")) throw forbidden();
  const first = firstBoardDay(now, weeks);
  // A day early in UTC, so no instant of the first Berlin Monday is missed; boardWeeks() buckets exactly.
  const since = dayToDate(addDays(first, -1));
  const [offers, placements] = await Promise.all([
    db().housingOffer.findMany({
      where: {
        countyId: actor.countyId,
        OR: [
          { createdAt: { gte: since } },
          { confirmedAt: { gte: since } },
          { endedAt: { gte: since } },
          { expiresAt: { gte: since, lte: now } },
        ],
      },
      select: { status: true, createdAt: true, confirmedAt: true, expiresAt: true, endedAt: true },
    }),
    db().boardPlacement.findMany({
      where: { countyId: actor.countyId, placedOn: { gte: dayToDate(first) } },
      select: { placedOn: true },
    }),
  ]);
  return boardWeeks({ offers, placements: placements.map((placement) => ({ placedOn: dateToDay(placement.placedOn) })) }, now, weeks);
}
