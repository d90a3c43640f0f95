import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLACE_KINDS, PLACE_STAGES, proposeBalancing, sparePlaces, type BalancingMunicipality } from "../../lib/capacity/balancing";

// Properties of the balancing proposal for any county: generated as the evaluation produces its
// input (shortfall = max(quota, 0) − places), with random neighbour links, including links to
// itself, to unknown ids and duplicates.

const places = fc.nat({ max: 60 });
const municipality = (index: number) =>
  fc
    .record({
      quota: fc.integer({ min: -30, max: 250 }),
      now: fc.record({ shared: places, decentral: places }),
      prospect: fc.record({ shared: places, decentral: places }),
      preferredKind: fc.constantFrom("shared" as const, "decentral" as const, null),
    })
    .map(({ quota, now, prospect, preferredKind }): BalancingMunicipality => {
      const total = now.shared + now.decentral + prospect.shared + prospect.decentral;
      // Names may repeat: the id breaks the tie.
      return { id: `m${index}`, name: `Kommune ${index % 7}`, shortfall: Math.max(quota, 0) - total, now, prospect, preferredKind };
    });

const county = fc.integer({ min: 0, max: 25 }).chain((size) =>
  fc.tuple(
    fc.tuple(...Array.from({ length: size }, (_, index) => municipality(index))),
    fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: size + 1 }).map((index) => `m${index}`),
        b: fc.integer({ min: 0, max: size + 1 }).map((index) => `m${index}`),
        travelMinutes: fc.option(fc.integer({ min: 1, max: 300 })),
      }),
      { maxLength: 40 },
    ),
  ),
);

const need = (m: BalancingMunicipality) =>
  Math.max(0, m.shortfall + PLACE_STAGES.reduce((sum, stage) => sum + m[stage].shared + m[stage].decentral, 0));

describe("balancing proposal, for any county", () => {
  it("leaves no helper short, gives no more than a pool holds, never to itself, and accounts for every missing place", () => {
    fc.assert(
      fc.property(county, ([municipalities, links]) => {
        const proposal = proposeBalancing(municipalities, links);
        const byId = new Map(municipalities.map((m) => [m.id, m]));
        const given = new Map<string, number>();
        for (const line of proposal.lines) {
          const target = byId.get(line.municipalityId)!;
          expect(target.shortfall).toBeGreaterThan(0);
          expect(line.covered + line.uncovered).toBe(line.shortfall);
          expect(line.uncovered).toBeGreaterThanOrEqual(0);
          for (const transfer of line.transfers) {
            expect(transfer.fromId).not.toBe(line.municipalityId);
            expect(transfer.places).toBeGreaterThan(0);
            const key = `${transfer.fromId}:${transfer.stage}:${transfer.kind}`;
            given.set(key, (given.get(key) ?? 0) + transfer.places);
            const linkedHere = links.some(
              (l) => (l.a === line.municipalityId && l.b === transfer.fromId) || (l.b === line.municipalityId && l.a === transfer.fromId),
            );
            expect(transfer.neighbour).toBe(linkedHere);
          }
        }
        let spare = 0;
        for (const m of municipalities) {
          const pools = sparePlaces(m);
          const givenBy = pools.reduce((sum, pool) => sum + (given.get(`${m.id}:${pool.stage}:${pool.kind}`) ?? 0), 0);
          if (m.shortfall >= 0) expect(givenBy).toBe(0);
          // Per pool: no more than it has beyond the own need; in total: the own need stays covered.
          for (const pool of pools) expect(given.get(`${m.id}:${pool.stage}:${pool.kind}`) ?? 0).toBeLessThanOrEqual(pool.places);
          const total = PLACE_STAGES.reduce((sum, stage) => sum + PLACE_KINDS.reduce((s, kind) => s + m[stage][kind], 0), 0);
          if (m.shortfall <= 0) expect(total - givenBy).toBeGreaterThanOrEqual(need(m));
          if (m.shortfall < 0) spare += pools.reduce((sum, pool) => sum + pool.places, 0);
        }
        const totalShortfall = municipalities.reduce((sum, m) => sum + Math.max(m.shortfall, 0), 0);
        expect(proposal.totals.shortfall).toBe(totalShortfall);
        expect(proposal.totals.covered + proposal.totals.uncovered).toBe(totalShortfall);
        // Greedy or not, nothing is left uncovered while a helper still has places to give.
        expect(proposal.totals.uncovered).toBe(Math.max(0, totalShortfall - spare));
        expect(proposal.totals.spare).toBe(spare);
      }),
      { numRuns: 300 },
    );
  });

  it("uses places in prospect only when no place free now is left, and the other kind only when the preferred kind is used up", () => {
    fc.assert(
      fc.property(county, ([municipalities, links]) => {
        const proposal = proposeBalancing(municipalities, links);
        const left = new Map<string, number>();
        for (const m of municipalities.filter((candidate) => candidate.shortfall < 0)) {
          for (const pool of sparePlaces(m))
            left.set(`${pool.stage}:${pool.kind}`, (left.get(`${pool.stage}:${pool.kind}`) ?? 0) + pool.places);
        }
        const transfers = proposal.lines.flatMap((line) => line.transfers.map((transfer) => ({ line, transfer })));
        for (const { transfer } of transfers)
          left.set(`${transfer.stage}:${transfer.kind}`, left.get(`${transfer.stage}:${transfer.kind}`)! - transfer.places);
        if (transfers.some(({ transfer }) => transfer.stage === "prospect")) {
          expect((left.get("now:shared") ?? 0) + (left.get("now:decentral") ?? 0)).toBe(0);
        }
        for (const { line, transfer } of transfers) {
          if (line.preferredKind !== null && transfer.kind !== line.preferredKind) {
            expect(left.get(`${transfer.stage}:${line.preferredKind}`) ?? 0).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of its input", () => {
    fc.assert(
      fc.property(
        county.chain(([municipalities, links]) =>
          fc.tuple(
            fc.constant(municipalities),
            fc.constant(links),
            fc.shuffledSubarray(municipalities, { minLength: municipalities.length }),
          ),
        ),
        ([municipalities, links, shuffled]) => {
          expect(proposeBalancing(shuffled, [...links].reverse())).toEqual(proposeBalancing(municipalities, links));
        },
      ),
      { numRuns: 200 },
    );
  });
});
