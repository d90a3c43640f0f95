import type { MunicipalityEvaluation } from "./evaluation";

// The balancing proposal (issue 12): who could take the gross shortfall from whom. A pure
// function, so the page, the tests and the benchmark compute the same thing.
//
// The rule, in order of preference (each step only when the earlier ones leave places missing):
// 1. places free now before places in prospect;
// 2. the kind of accommodation the short municipality mostly uses before the other kind;
// 3. neighbours before other municipalities, closer neighbours (travel minutes) first;
// 4. few transfers: one helper covering the whole remainder beats several, a helper already
//    giving to the municipality beats a new one, then the largest pool; ties by name.
// Short municipalities are served largest remainder first, one preference tier at a time for all
// of them, so a small municipality's neighbour is not used up by a big one's fallback.
// A helper gives only what it has beyond its own need, and keeps its own need covered with its
// places free now first (prospective places may come late), in its own preferred kind first.

export type PlaceKind = "shared" | "decentral";
export type PlaceStage = "now" | "prospect";
export const PLACE_KINDS: readonly PlaceKind[] = ["shared", "decentral"];
export const PLACE_STAGES: readonly PlaceStage[] = ["now", "prospect"];

export interface BalancingMunicipality {
  id: string;
  name: string;
  /** From the evaluation: positive = places missing, negative = places beyond the own need. */
  shortfall: number;
  now: Record<PlaceKind, number>;
  prospect: Record<PlaceKind, number>;
  /** The kind it mostly houses people in; null: no preference. */
  preferredKind: PlaceKind | null;
}

/** Two neighbouring municipalities (the relation is symmetric), optionally with the travel time. */
export interface NeighbourLink {
  a: string;
  b: string;
  travelMinutes: number | null;
}

export interface Transfer {
  fromId: string;
  from: string;
  places: number;
  kind: PlaceKind;
  stage: PlaceStage;
  neighbour: boolean;
  travelMinutes: number | null;
}

export interface BalancingLine {
  municipalityId: string;
  name: string;
  shortfall: number;
  preferredKind: PlaceKind | null;
  transfers: Transfer[];
  covered: number;
  uncovered: number;
}

export interface BalancingGiver {
  municipalityId: string;
  name: string;
  /** Places beyond the own need (what it could give). */
  spare: number;
  given: number;
}

export interface BalancingProposal {
  lines: BalancingLine[];
  givers: BalancingGiver[];
  totals: {
    shortfall: number;
    covered: number;
    coveredNow: number;
    coveredProspect: number;
    coveredByNeighbours: number;
    uncovered: number;
    spare: number;
    municipalitiesShort: number;
    municipalitiesUncovered: number;
    /** Municipalities with places beyond their own need, and those the proposal asks to give. */
    municipalitiesWithSpare: number;
    municipalitiesGiving: number;
    /** Distinct pairs (from, to): each is one agreement to make. */
    transfers: number;
  };
}

/** The proposal's input for one row of the evaluation: its shortfall as computed there. */
export function balancingInputOf(row: MunicipalityEvaluation): BalancingMunicipality {
  const f = row.figures;
  const shared = f.housedShared ?? 0;
  const decentral = f.housedDecentral ?? 0;
  return {
    id: row.municipalityId,
    name: row.name,
    shortfall: row.shortfall,
    now: { shared: f.availableShared ?? 0, decentral: f.availableDecentral ?? 0 },
    prospect: { shared: f.prospectiveShared ?? 0, decentral: f.prospectiveDecentral ?? 0 },
    preferredKind: shared > decentral ? "shared" : decentral > shared ? "decentral" : null,
  };
}

interface Pool {
  helper: number;
  kind: PlaceKind;
  stage: PlaceStage;
  left: number;
}

const count = (value: number) => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
const otherKind = (kind: PlaceKind): PlaceKind => (kind === "shared" ? "decentral" : "shared");

/** A helper's places beyond its own need, per stage and kind (see the rule above). */
export function sparePlaces(m: BalancingMunicipality): { kind: PlaceKind; stage: PlaceStage; places: number }[] {
  const first = m.preferredKind ?? "shared";
  const order = PLACE_STAGES.flatMap((stage) => [first, otherKind(first)].map((kind) => ({ stage, kind, places: count(m[stage][kind]) })));
  const total = order.reduce((sum, pool) => sum + pool.places, 0);
  // need = shortfall + total places; an inconsistent input (need < 0) counts as no need.
  let reserve = Math.max(0, Math.min(total, total + Math.trunc(m.shortfall)));
  return order.map((pool) => {
    const kept = Math.min(pool.places, reserve);
    reserve -= kept;
    return { ...pool, places: pool.places - kept };
  });
}

export function proposeBalancing(
  municipalities: readonly BalancingMunicipality[],
  links: readonly NeighbourLink[] = [],
): BalancingProposal {
  // Ranks by name (then id) give every tie-break a stable order without comparing strings in the loops.
  const sorted = [...municipalities].sort((x, y) => x.name.localeCompare(y.name, "de") || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const rank = new Map(sorted.map((m, index) => [m.id, index]));

  const helpers = sorted.filter((m) => m.shortfall < 0);
  const helperIndex = new Map(helpers.map((m, index) => [m.id, index]));
  const poolsOf: Pool[][] = helpers.map((m, helper) =>
    sparePlaces(m)
      .filter((pool) => pool.places > 0)
      .map((pool) => ({ helper, kind: pool.kind, stage: pool.stage, left: pool.places })),
  );
  const pools = poolsOf.flat();
  const spareOf = poolsOf.map((list) => list.reduce((sum, pool) => sum + pool.left, 0));
  const given = new Array<number>(helpers.length).fill(0);

  // Neighbours of each municipality: helper index → travel minutes (the shortest if recorded twice).
  const neighbours = new Map<string, Map<number, number | null>>();
  const addLink = (from: string, to: string, minutes: number | null) => {
    const helper = helperIndex.get(to);
    if (from === to || helper === undefined || !rank.has(from)) return;
    const map = neighbours.get(from) ?? new Map<number, number | null>();
    const known = map.get(helper);
    map.set(helper, known === undefined || known === null ? minutes : minutes === null ? known : Math.min(known, minutes));
    neighbours.set(from, map);
  };
  for (const link of links) {
    const minutes = link.travelMinutes === null || !Number.isFinite(link.travelMinutes) ? null : link.travelMinutes;
    addLink(link.a, link.b, minutes);
    addLink(link.b, link.a, minutes);
  }

  const shorts = sorted.filter((m) => m.shortfall > 0);
  const remaining = new Map(shorts.map((m) => [m.id, Math.trunc(m.shortfall)]));
  const transfers = new Map<string, Transfer[]>(shorts.map((m) => [m.id, []]));
  const linked = new Map<string, Set<number>>(shorts.map((m) => [m.id, new Set()]));

  for (const stage of PLACE_STAGES) {
    const stagePools = pools.filter((pool) => pool.stage === stage);
    for (const sameKind of [true, false]) {
      for (const nearby of [true, false]) {
        const order = shorts
          .filter((m) => remaining.get(m.id)! > 0)
          .sort((x, y) => remaining.get(y.id)! - remaining.get(x.id)! || rank.get(x.id)! - rank.get(y.id)!);
        for (const short of order) {
          if (!sameKind && short.preferredKind === null) continue; // no preference: one tier holds both kinds
          const near = neighbours.get(short.id);
          const fits = (pool: Pool) =>
            pool.left > 0 && pool.stage === stage && (short.preferredKind === null || (pool.kind === short.preferredKind) === sameKind);
          // Neighbour tiers look at the neighbours' pools only; the others at every pool but theirs.
          const candidates = nearby
            ? [...(near?.keys() ?? [])].flatMap((helper) => poolsOf[helper]!.filter(fits))
            : stagePools.filter((pool) => fits(pool) && !near?.has(pool.helper));
          fill(short, candidates, near);
        }
      }
    }
  }

  function fill(short: BalancingMunicipality, candidates: Pool[], near: Map<number, number | null> | undefined) {
    let need = remaining.get(short.id)!;
    const already = linked.get(short.id)!;
    const minutesOf = (pool: Pool) => near?.get(pool.helper) ?? Infinity;
    // Better candidate first: covers the rest, already linked, closer, best fit / largest, by name.
    const better = (x: Pool, y: Pool) => {
      const coversX = x.left >= need;
      const coversY = y.left >= need;
      if (coversX !== coversY) return coversX;
      const linkedX = already.has(x.helper);
      if (linkedX !== already.has(y.helper)) return linkedX;
      if (minutesOf(x) !== minutesOf(y)) return minutesOf(x) < minutesOf(y);
      if (x.left !== y.left) return coversX ? x.left < y.left : x.left > y.left;
      if (x.helper !== y.helper) return x.helper < y.helper; // helpers are in name order
      return x.kind === short.preferredKind || (short.preferredKind === null && x.kind === "shared");
    };
    while (need > 0) {
      let best: Pool | null = null;
      for (const pool of candidates) if (pool.left > 0 && (best === null || better(pool, best))) best = pool;
      if (!best) break;
      const places = Math.min(best.left, need);
      best.left -= places;
      need -= places;
      given[best.helper]! += places;
      already.add(best.helper);
      const helper = helpers[best.helper]!;
      const minutes = near?.get(best.helper);
      transfers.get(short.id)!.push({
        fromId: helper.id,
        from: helper.name,
        places,
        kind: best.kind,
        stage: best.stage,
        neighbour: minutes !== undefined,
        travelMinutes: minutes ?? null,
      });
    }
    remaining.set(short.id, need);
  }

  // Lines: most missing first, as on /lage.
  const lines = [...shorts]
    .sort((x, y) => y.shortfall - x.shortfall || rank.get(x.id)! - rank.get(y.id)!)
    .map((m) => {
      const list = transfers.get(m.id)!;
      const covered = list.reduce((sum, transfer) => sum + transfer.places, 0);
      return {
        municipalityId: m.id,
        name: m.name,
        shortfall: Math.trunc(m.shortfall),
        preferredKind: m.preferredKind,
        transfers: list,
        covered,
        uncovered: remaining.get(m.id)!,
      };
    });
  const all = lines.flatMap((line) => line.transfers);
  const sum = (list: Transfer[]) => list.reduce((total, transfer) => total + transfer.places, 0);
  return {
    lines,
    givers: helpers.map((m, index) => ({ municipalityId: m.id, name: m.name, spare: spareOf[index]!, given: given[index]! })),
    totals: {
      shortfall: lines.reduce((total, line) => total + line.shortfall, 0),
      covered: sum(all),
      coveredNow: sum(all.filter((transfer) => transfer.stage === "now")),
      coveredProspect: sum(all.filter((transfer) => transfer.stage === "prospect")),
      coveredByNeighbours: sum(all.filter((transfer) => transfer.neighbour)),
      uncovered: lines.reduce((total, line) => total + line.uncovered, 0),
      spare: spareOf.reduce((total, places) => total + places, 0),
      municipalitiesShort: lines.length,
      municipalitiesUncovered: lines.filter((line) => line.uncovered > 0).length,
      municipalitiesWithSpare: spareOf.filter((places) => places > 0).length,
      municipalitiesGiving: given.filter((places) => places > 0).length,
      transfers: lines.reduce((total, line) => total + linked.get(line.municipalityId)!.size, 0),
    },
  };
}
