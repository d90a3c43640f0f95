import { describe, expect, it } from "vitest";
import { balancingInputOf, proposeBalancing, sparePlaces, type BalancingMunicipality, type PlaceKind } from "../../lib/capacity/balancing";
import { describeLine, describeRemainder, describeSummary } from "../../lib/capacity/balancing-text";
import { evaluateMunicipality } from "../../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";

/** A short municipality (shortfall > 0) or a helper with `now`/`prospect` places beyond its need. */
function short(name: string, shortfall: number, preferredKind: PlaceKind | null = "decentral"): BalancingMunicipality {
  return { id: name, name, shortfall, now: { shared: 0, decentral: 0 }, prospect: { shared: 0, decentral: 0 }, preferredKind };
}
function helper(
  name: string,
  places: { now?: Partial<Record<PlaceKind, number>>; prospect?: Partial<Record<PlaceKind, number>> },
  need = 0,
  preferredKind: PlaceKind | null = "decentral",
): BalancingMunicipality {
  const now = { shared: places.now?.shared ?? 0, decentral: places.now?.decentral ?? 0 };
  const prospect = { shared: places.prospect?.shared ?? 0, decentral: places.prospect?.decentral ?? 0 };
  const total = now.shared + now.decentral + prospect.shared + prospect.decentral;
  return { id: name, name, shortfall: need - total, now, prospect, preferredKind };
}
const link = (a: string, b: string, travelMinutes: number | null = null) => ({ a, b, travelMinutes });
const summary = (proposal: ReturnType<typeof proposeBalancing>) =>
  proposal.lines.map((line) => [
    line.name,
    line.transfers.map((t) => `${t.places} ${t.from} ${t.stage} ${t.kind}${t.neighbour ? " N" : ""}`),
  ]);

describe("balancing proposal", () => {
  it("prefers a neighbour and says so (the issue's example)", () => {
    const proposal = proposeBalancing(
      [short("Kommune M", 73), helper("Kommune R", { now: { decentral: 58 } }), helper("Kommune L", { now: { decentral: 100 } })],
      [link("Kommune M", "Kommune R")],
    );
    expect(proposal.lines.map(describeLine)).toEqual(["Kommune M: 73 fehlen → 58 aus Kommune R (Nachbar), 15 aus Kommune L"]);
    expect(proposal.totals).toMatchObject({ shortfall: 73, covered: 73, coveredByNeighbours: 58, uncovered: 0, transfers: 2 });
  });

  it("takes the closer neighbour first, and one that covers all before a closer one that covers part", () => {
    const municipalities = [
      short("M", 20),
      helper("Near", { now: { decentral: 15 } }),
      helper("Far", { now: { decentral: 25 } }),
      helper("Farther", { now: { decentral: 30 } }),
    ];
    const links = [link("M", "Near", 10), link("M", "Far", 30), link("M", "Farther", 40)];
    // Far covers all 20 alone: one agreement instead of two.
    expect(summary(proposeBalancing(municipalities, links))).toEqual([["M", ["20 Far now decentral N"]]]);
    // When none covers alone, the nearest first.
    const bigger = [short("M", 60), ...municipalities.slice(1)];
    expect(summary(proposeBalancing(bigger, links))).toEqual([
      ["M", ["15 Near now decentral N", "25 Far now decentral N", "20 Farther now decentral N"]],
    ]);
  });

  it("prefers the kind the municipality mostly uses, and names the other kind where it is used", () => {
    const proposal = proposeBalancing([
      short("M", 30, "shared"),
      helper("A", { now: { decentral: 100 } }),
      helper("B", { now: { shared: 20 } }),
    ]);
    expect(summary(proposal)).toEqual([["M", ["20 B now shared", "10 A now decentral"]]]);
    expect(describeLine(proposal.lines[0]!)).toBe("M: 30 fehlen → 20 aus B, 10 aus A (dezentral)");
    // No preference: both kinds are equally good, the kind is not mentioned.
    const either = proposeBalancing([short("M", 30, null), helper("A", { now: { decentral: 100 } }), helper("B", { now: { shared: 20 } })]);
    expect(describeLine(either.lines[0]!)).toBe("M: 30 fehlen → 30 aus A");
  });

  it("fills from places free now before places in prospect, wherever they are", () => {
    const proposal = proposeBalancing(
      [short("M", 40), helper("Neighbour", { prospect: { decentral: 100 } }), helper("Other", { now: { shared: 30 } })],
      [link("M", "Neighbour", 5)],
    );
    expect(summary(proposal)).toEqual([["M", ["30 Other now shared", "10 Neighbour prospect decentral N"]]]);
    expect(proposal.totals).toMatchObject({ coveredNow: 30, coveredProspect: 10 });
    expect(describeLine(proposal.lines[0]!)).toBe(
      "M: 40 fehlen → 30 aus Other (in Gemeinschaftsunterkünften), 10 aus Neighbour (Nachbar, 5 Min., in Aussicht)",
    );
  });

  it("never leaves a helper short: it keeps its own need, covered with its places free now first", () => {
    // Need 30 of 20 now + 25 prospective: it keeps all 20 now and 10 prospective, gives 15 prospective.
    expect(sparePlaces(helper("H", { now: { decentral: 20 }, prospect: { decentral: 25 } }, 30))).toEqual([
      { stage: "now", kind: "decentral", places: 0 },
      { stage: "now", kind: "shared", places: 0 },
      { stage: "prospect", kind: "decentral", places: 15 },
      { stage: "prospect", kind: "shared", places: 0 },
    ]);
    const proposal = proposeBalancing([short("M", 50), helper("H", { now: { decentral: 20 }, prospect: { decentral: 25 } }, 30)]);
    expect(summary(proposal)).toEqual([["M", ["15 H prospect decentral"]]]);
    expect(proposal.givers).toEqual([{ municipalityId: "H", name: "H", spare: 15, given: 15 }]);
  });

  it("keeps the number of agreements small: the smallest pool that covers all, else the largest first", () => {
    const helpers = [
      helper("A", { now: { decentral: 5 } }),
      helper("B", { now: { decentral: 12 } }),
      helper("C", { now: { decentral: 40 } }),
    ];
    expect(summary(proposeBalancing([short("M", 10), ...helpers]))).toEqual([["M", ["10 B now decentral"]]]);
    expect(summary(proposeBalancing([short("M", 50), ...helpers]))).toEqual([["M", ["40 C now decentral", "10 B now decentral"]]]);
    // A helper already giving to the municipality is asked again before a new one.
    const twice = proposeBalancing([
      short("M", 30),
      helper("A", { now: { decentral: 20 }, prospect: { decentral: 10 } }),
      helper("B", { prospect: { decentral: 9 } }),
      helper("C", { prospect: { decentral: 8 } }),
    ]);
    expect(summary(twice)).toEqual([["M", ["20 A now decentral", "10 A prospect decentral"]]]);
    expect(twice.totals.transfers).toBe(1);
    expect(describeLine(twice.lines[0]!)).toBe("M: 30 fehlen → 30 aus A (davon 10 in Aussicht)");
  });

  it("serves the largest shortfall first, and a small one's neighbour is kept for it", () => {
    const proposal = proposeBalancing(
      [short("Big", 50), short("Small", 10), helper("X", { now: { decentral: 10 } }), helper("Y", { now: { decentral: 45 } })],
      [link("Small", "X")],
    );
    expect(summary(proposal)).toEqual([
      ["Big", ["45 Y now decentral"]],
      ["Small", ["10 X now decentral N"]],
    ]);
    expect(proposal.totals).toMatchObject({ uncovered: 5, municipalitiesUncovered: 1 });
  });

  it("says how many places stay uncovered when the county has fewer free places than are missing", () => {
    const proposal = proposeBalancing([short("M", 40), short("N", 1), short("O", 12), helper("H", { now: { decentral: 30 } })]);
    expect(proposal.totals).toMatchObject({ shortfall: 53, covered: 30, uncovered: 23, spare: 30, municipalitiesUncovered: 3 });
    expect(proposal.lines.map(describeLine)).toEqual([
      "M: 40 fehlen → 30 aus H; 10 bleiben offen",
      "O: 12 fehlen → keine freien Plätze im Landkreis; 12 bleiben offen",
      "N: 1 fehlt → keine freien Plätze im Landkreis; 1 bleibt offen",
    ]);
    expect(describeRemainder(proposal.totals)).toMatch(/^Im Landkreis fehlen danach noch 23 Plätze: /);
    expect(describeRemainder({ ...proposal.totals, uncovered: 1 })).toMatch(/^Im Landkreis fehlt danach noch 1 Platz: /);
  });

  it("is deterministic: ties go by name, whatever the input order", () => {
    const municipalities = [short("M", 10), helper("Zeta", { now: { decentral: 10 } }), helper("Alpha", { now: { decentral: 10 } })];
    const forward = proposeBalancing(municipalities);
    expect(summary(forward)).toEqual([["M", ["10 Alpha now decentral"]]]);
    expect(proposeBalancing([...municipalities].reverse())).toEqual(forward);
  });

  it("ignores links to itself, to unknown or short municipalities, and recorded twice counts once", () => {
    const proposal = proposeBalancing(
      [short("M", 10), short("N", 5), helper("H", { now: { decentral: 20 } })],
      [link("M", "M"), link("M", "Unknown"), link("M", "N"), link("M", "H", 30), link("H", "M", 20)],
    );
    expect(proposal.lines[0]!.transfers).toEqual([
      { fromId: "H", from: "H", places: 10, kind: "decentral", stage: "now", neighbour: true, travelMinutes: 20 },
    ]);
  });

  it("has nothing to do when nobody is short", () => {
    const proposal = proposeBalancing([helper("H", { now: { decentral: 5 } }), short("Even", 0)]);
    expect(proposal.lines).toEqual([]);
    expect(describeRemainder(proposal.totals)).toBe("In keiner Kommune fehlen Plätze; es ist nichts auszugleichen.");
    expect(describeSummary(proposal.totals)).toBe(describeRemainder(proposal.totals));
  });

  it("sums up the proposal in words", () => {
    const proposal = proposeBalancing(
      [
        short("M", 73),
        short("D", 5),
        helper("R", { now: { decentral: 58 } }),
        helper("L", { now: { decentral: 100 }, prospect: { shared: 3 } }),
      ],
      [link("M", "R", 12)],
    );
    expect(describeSummary(proposal.totals)).toBe(
      "In 2 Kommunen fehlen 78 Plätze; 2 Kommunen haben zusammen 161 Plätze über ihren eigenen Bedarf hinaus. " +
        "Der Vorschlag deckt sie alle aus 2 Kommunen (3 Absprachen; 78 jetzt frei, 58 aus Nachbarkommunen).",
    );
    const partly = proposeBalancing([short("M", 1), short("N", 40), helper("H", { prospect: { decentral: 20 } })]);
    expect(describeSummary(partly.totals)).toBe(
      "In 2 Kommunen fehlen 41 Plätze; 1 Kommune hat 20 Plätze über ihren eigenen Bedarf hinaus. " +
        "Der Vorschlag deckt 20 davon aus 1 Kommune (1 Absprache; 20 in Aussicht).",
    );
    expect(describeSummary(proposeBalancing([short("M", 1)]).totals)).toBe(
      "In 1 Kommune fehlt 1 Platz; keine Kommune hat Plätze über ihren eigenen Bedarf hinaus.",
    );
    expect(describeRemainder(proposal.totals)).toBe("Danach fehlen im Landkreis keine Plätze mehr.");
  });
});

describe("balancing input from the evaluation", () => {
  const figures = (values: Partial<Figures>): Figures =>
    ({ ...Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])), ...values }) as Figures;
  const row = (values: Partial<Figures>) =>
    evaluateMunicipality(
      {
        municipalityId: "m",
        name: "M",
        slug: "m",
        report: { id: "r", reportingDate: "2026-11-20", figures: figures(values), situation: null },
      },
      { asOf: "2026-11-20", intervalDays: 7 },
    );

  it("takes the evaluation's shortfall and the places by kind, unreported as 0", () => {
    const input = balancingInputOf(
      row({
        quotaOutstanding: 138,
        housedShared: 31,
        housedDecentral: 70,
        availableDecentral: 20,
        prospectiveShared: 40,
        prospectiveDecentral: 5,
      }),
    );
    expect(input).toEqual({
      id: "m",
      name: "M",
      shortfall: 73,
      now: { shared: 0, decentral: 20 },
      prospect: { shared: 40, decentral: 5 },
      preferredKind: "decentral",
    });
  });

  it("prefers the kind it houses most people in, none when even", () => {
    expect(balancingInputOf(row({ housedShared: 5, housedDecentral: 1 })).preferredKind).toBe("shared");
    expect(balancingInputOf(row({ housedShared: 3, housedDecentral: 3 })).preferredKind).toBeNull();
    expect(balancingInputOf(row({})).preferredKind).toBeNull();
  });

  it("an over-fulfilled quota makes every place spare, as in the evaluation", () => {
    const input = balancingInputOf(row({ quotaOutstanding: -7, availableDecentral: 69 }));
    expect(input.shortfall).toBe(-69);
    expect(sparePlaces(input).find((pool) => pool.stage === "now" && pool.kind === "decentral")!.places).toBe(69);
  });
});
