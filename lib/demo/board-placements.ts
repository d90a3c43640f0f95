import type { PrismaClient } from "../db/client";
import { addDays, berlinDay, dayToDate } from "../dates";

// Demo placements from the board, so the municipality page's "Vermittlungen über die Börse", the
// report form's hint and the weekly board figures have something to show: one for each demo offer
// its offerer reported as placed, and a few older ones without an offer.

const EARLIER: { municipality: string; daysAgo: number; householdSize: number }[] = [
  { municipality: "Kommune A", daysAgo: 40, householdSize: 4 },
  { municipality: "Kommune A", daysAgo: 75, householdSize: 2 },
  { municipality: "Kommune B", daysAgo: 20, householdSize: 5 },
  { municipality: "Kommune B", daysAgo: 100, householdSize: 1 },
  { municipality: "Kommune C", daysAgo: 55, householdSize: 3 },
];

export async function seedDemoBoardPlacements(
  prisma: PrismaClient,
  countyId: string,
  municipalities: Map<string, string>,
  today: string,
): Promise<number> {
  if ((await prisma.boardPlacement.count({ where: { countyId } })) > 0) return 0;
  const placed = await prisma.housingOffer.findMany({
    where: { countyId, isDemo: true, status: "PLACED" },
    select: { id: true, municipalityId: true, persons: true, endedAt: true },
  });
  const fromOffers = placed.map((offer) => ({
    countyId,
    municipalityId: offer.municipalityId,
    offerId: offer.id,
    householdSize: Math.min(offer.persons, 6),
    placedOn: dayToDate(offer.endedAt ? berlinDay(offer.endedAt) : today),
  }));
  const earlier = EARLIER.flatMap((entry) => {
    const municipalityId = municipalities.get(entry.municipality);
    return municipalityId
      ? [
          {
            countyId,
            municipalityId,
            offerId: null,
            householdSize: entry.householdSize,
            placedOn: dayToDate(addDays(today, -entry.daysAgo)),
          },
        ]
      : [];
  });
  const { count } = await prisma.boardPlacement.createMany({ data: [...fromOffers, ...earlier] });
  return count;
}
