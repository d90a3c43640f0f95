import { proposeBalancing, type BalancingMunicipality, type NeighbourLink } from "../../lib/capacity/balancing";
import { summary } from "./stats";

// The balancing proposal (issue 12) on a state-sized input: 1,000 municipalities, target < 1 s.
// Used by `npm run bench` (on the generated state's evaluation) and `npm run bench:balancing`
// (synthetic municipalities, no database).

/** Each municipality borders the `width` next ones on each side of a ring, with travel times. */
export function ringLinks(ids: string[], random: () => number, width = 2): NeighbourLink[] {
  return ids.flatMap((id, index) =>
    Array.from({ length: width }, (_, step) => ({
      a: id,
      b: ids[(index + step + 1) % ids.length]!,
      travelMinutes: random() < 0.2 ? null : 5 + Math.floor(random() * 40),
    })),
  );
}

/** Random figures as a county reports them: about half short, half with places to spare. */
export function syntheticMunicipalities(count: number, random: () => number): BalancingMunicipality[] {
  const places = (max: number) => Math.floor(random() * max);
  return Array.from({ length: count }, (_, index) => {
    const now = { shared: places(40), decentral: places(60) };
    const prospect = { shared: places(40), decentral: places(40) };
    const total = now.shared + now.decentral + prospect.shared + prospect.decentral;
    const quota = places(200) - 20;
    return {
      id: `m${index}`,
      name: `Kommune ${index + 1}`,
      shortfall: Math.max(quota, 0) - total,
      now,
      prospect,
      preferredKind: random() < 0.4 ? "shared" : random() < 0.9 ? "decentral" : null,
    };
  });
}

/** A small seeded generator, so two runs measure the same input. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Times `runs` proposals after two warm-up runs; returns the timing and the last proposal. */
export function measureBalancing(municipalities: BalancingMunicipality[], links: NeighbourLink[], runs = 20) {
  for (let warmUp = 0; warmUp < 2; warmUp++) proposeBalancing(municipalities, links);
  const samples: number[] = [];
  let proposal = proposeBalancing(municipalities, links);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    proposal = proposeBalancing(municipalities, links);
    samples.push(performance.now() - started);
  }
  return { timing: summary(samples), proposal };
}
