import "server-only";
import { dayToDate } from "../dates";
import { db, type Prisma } from "../db/client";
import { placementDays, placementEnd } from "../help/states";
import type { RunningPlacementInput } from "./agreed-help";

// The agreed placements (inter-municipal help, lib/help) that ran on a day, for the evaluation.
// A placement runs from starts_on until ends_on or ended_on (exclusive), whichever is first.

export async function loadPlacementsRunningOn(countyId: string, asOf: string): Promise<RunningPlacementInput[]> {
  const day = dayToDate(asOf);
  return loadPlacements({
    countyId,
    startsOn: { lte: day },
    AND: [{ OR: [{ endsOn: null }, { endsOn: { gt: day } }] }, { OR: [{ endedOn: null }, { endedOn: { gt: day } }] }],
  });
}

/** Every placement of the county that ran at all, for the trend over many dates. */
export async function loadCountyPlacements(countyId: string): Promise<RunningPlacementInput[]> {
  return loadPlacements({ countyId });
}

async function loadPlacements(where: Prisma.HelpPlacementWhereInput): Promise<RunningPlacementInput[]> {
  const rows = await db().helpPlacement.findMany({
    where,
    select: {
      id: true,
      requesterId: true,
      hostId: true,
      persons: true,
      startsOn: true,
      endsOn: true,
      endedOn: true,
      requester: { select: { name: true } },
      host: { select: { name: true } },
    },
  });
  return rows.map((row) => {
    const days = placementDays(row);
    return {
      id: row.id,
      requesterId: row.requesterId,
      requesterName: row.requester.name,
      hostId: row.hostId,
      hostName: row.host.name,
      persons: row.persons,
      startedOn: days.startsOn,
      endedOn: placementEnd(days),
    };
  });
}
