import type { PrismaClient } from "../db/client";
import { canonicalPair } from "../neighbours/pair";

// Invented neighbourhood of the demo county, so the balancing proposal (/lage/ausgleich) has
// neighbours to prefer: the 21 municipalities lie in three rows of seven, as on a map,
//   A B C D E F G
//   H I J K L M N
//   O P Q R S T U
// each bordering the ones beside, above and below it. Travel minutes by car; a few are left
// unrecorded, as they would be in practice.
const ROWS = ["ABCDEFG", "HIJKLMN", "OPQRSTU"];

/** [municipality, neighbour, travel minutes or null] */
export const DEMO_NEIGHBOURS: readonly [string, string, number | null][] = (() => {
  const pairs: [string, string, number | null][] = [];
  const minutes = (index: number) => (index % 7 === 3 ? null : 8 + ((index * 13) % 19));
  for (const [row, letters] of ROWS.entries()) {
    for (const [column, letter] of [...letters].entries()) {
      const here = `Kommune ${letter}`;
      if (column + 1 < letters.length) pairs.push([here, `Kommune ${letters[column + 1]}`, minutes(pairs.length)]);
      const below = ROWS[row + 1]?.[column];
      if (below) pairs.push([here, `Kommune ${below}`, minutes(pairs.length)]);
    }
  }
  return pairs;
})();

/**
 * Records the demo neighbours for the municipalities of `municipalities` (name → id), once: a
 * county that has any neighbour relation keeps what an admin recorded, so seeding again changes
 * nothing.
 */
export async function seedDemoNeighbours(prisma: PrismaClient, countyId: string, municipalities: Map<string, string>): Promise<number> {
  if ((await prisma.municipalityNeighbour.count({ where: { countyId } })) > 0) return 0;
  const data = DEMO_NEIGHBOURS.flatMap(([a, b, travelMinutes]) => {
    const idA = municipalities.get(a);
    const idB = municipalities.get(b);
    if (!idA || !idB) return [];
    return [{ countyId, ...canonicalPair(idA, idB), travelMinutes }];
  });
  const created = await prisma.municipalityNeighbour.createMany({ data, skipDuplicates: true });
  return created.count;
}
