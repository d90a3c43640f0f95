import type { PrismaClient } from "../db/client";

// Invented KdU ceilings for the demo county (the same in every municipality), so the board's
// hint, the staff flag and the filter "Kosten werden übernommen" have something to show.
export const DEMO_CEILINGS: Record<number, number> = { 1: 450, 2: 540, 3: 640, 4: 740, 5: 840, 6: 940, 7: 1040, 8: 1140 };

export async function seedDemoRentCeilings(prisma: PrismaClient, countyId: string, municipalities: Map<string, string>): Promise<number> {
  if ((await prisma.rentCeiling.count({ where: { countyId } })) > 0) return 0;
  const { count } = await prisma.rentCeiling.createMany({
    data: [...municipalities.values()].flatMap((municipalityId) =>
      Object.entries(DEMO_CEILINGS).map(([size, maxWarmRent]) => ({ countyId, municipalityId, householdSize: Number(size), maxWarmRent })),
    ),
  });
  return count;
}
