import { beforeAll, describe, expect, it } from "vitest";
import { toActor } from "../../lib/auth/actor";
import { loadBalancing } from "../../lib/capacity/balancing-data";
import { describeLine, describeRemainder } from "../../lib/capacity/balancing-text";
import { loadCountyEvaluation } from "../../lib/capacity/queries";
import { addDays } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { DEMO_NEIGHBOURS } from "../../lib/demo/neighbours";
import { seedDemo } from "../../lib/demo/seed";
import { DEMO_PASSWORD, SEED_DAY, seedDemoCounty } from "../support/fixtures";

// The balancing proposal on the demo county, read through the loader /lage/ausgleich uses.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

describe("balancing proposal for the demo county", () => {
  it("takes its shortfall per municipality from the evaluation /lage shows", async () => {
    const [view, evaluation] = await Promise.all([
      loadBalancing(demo.coordinator, SEED_DAY),
      loadCountyEvaluation(demo.coordinator, SEED_DAY),
    ]);
    expect(view).not.toBeNull();
    const { proposal } = view!;
    // The figures: 7 municipalities are 134 places short, 11 have 529 places free.
    expect(proposal.totals).toMatchObject({
      shortfall: evaluation!.totals.grossShortfall,
      municipalitiesShort: evaluation!.totals.municipalitiesShort,
      spare: 529,
    });
    expect(proposal.totals.shortfall).toBe(134);
    expect(proposal.givers).toHaveLength(11);
    const shortRows = evaluation!.rows.filter((row) => row.shortfall > 0);
    expect(Object.fromEntries(proposal.lines.map((line) => [line.name, line.shortfall]))).toEqual(
      Object.fromEntries(shortRows.map((row) => [row.name, row.shortfall])),
    );
    const spareRows = evaluation!.rows.filter((row) => row.shortfall < 0);
    expect(Object.fromEntries(proposal.givers.map((giver) => [giver.name, giver.spare]))).toEqual(
      Object.fromEntries(spareRows.map((row) => [row.name, -row.shortfall])),
    );
  });

  it("covers all of it, prefers the seeded neighbours and says so in words", async () => {
    const { proposal, hasNeighbours } = (await loadBalancing(demo.admin, SEED_DAY))!;
    expect(hasNeighbours).toBe(true);
    expect(proposal.totals).toMatchObject({ covered: 134, uncovered: 0, coveredNow: 134 });
    expect(proposal.totals.coveredByNeighbours).toBeGreaterThan(0);
    expect(describeLine(proposal.lines[0]!)).toBe("Kommune M: 73 fehlen → 69 aus Kommune L (Nachbar, 15 Min.), 4 aus Kommune G");
    expect(proposal.lines.map(describeLine)).toContain("Kommune D: 21 fehlen → 5 aus Kommune E (Nachbar, 10 Min.), 16 aus Kommune I");
    expect(describeRemainder(proposal.totals)).toBe("Danach fehlen im Landkreis keine Plätze mehr.");
  });

  it("follows the Stand: before the first report there is nothing to balance", async () => {
    const { proposal, evaluation } = (await loadBalancing(demo.coordinator, addDays(SEED_DAY, -400)))!;
    expect(evaluation.rows.every((row) => row.reportingDate === null)).toBe(true);
    expect(proposal.lines).toEqual([]);
  });

  it("is for coordinators and admins only", async () => {
    expect(await loadBalancing(demo.press, SEED_DAY)).toBeNull();
    expect(await loadBalancing(demo.clerkA, SEED_DAY)).toBeNull();
  });

  it("stays in the actor's county", async () => {
    const other = await db().county.create({ data: { name: "Landkreis Nachbar", slug: "nachbar-balancing" } });
    const [short, spare] = await Promise.all(
      ["Ort Kurz", "Ort Frei"].map((name, index) => db().municipality.create({ data: { countyId: other.id, name, slug: `ort-${index}` } })),
    );
    await db().capacityReport.createMany({
      data: [
        { municipalityId: short!.id, reportingDate: new Date(`${SEED_DAY}T00:00:00Z`), quotaOutstanding: 500 },
        { municipalityId: spare!.id, reportingDate: new Date(`${SEED_DAY}T00:00:00Z`), quotaOutstanding: 0, availableShared: 7 },
      ],
    });
    const coordinator = toActor(
      await db().user.create({
        data: { email: "koordination@nachbar-balancing.example", name: "K", role: "COORDINATOR", countyId: other.id },
      }),
    );
    const { proposal, hasNeighbours } = (await loadBalancing(coordinator, SEED_DAY))!;
    expect(hasNeighbours).toBe(false);
    expect(proposal.lines.map(describeLine)).toEqual(["Ort Kurz: 500 fehlen → 7 aus Ort Frei; 493 bleiben offen"]);
    expect(describeRemainder(proposal.totals)).toMatch(/^Im Landkreis fehlen danach noch 493 Plätze/);
    // The demo county's proposal is unchanged by the other county's figures.
    expect((await loadBalancing(demo.coordinator, SEED_DAY))!.proposal.totals.shortfall).toBe(134);
  });
});

describe("demo neighbours", () => {
  it("are seeded once, and seeding again keeps what an admin changed", async () => {
    const countyId = demo.countyId;
    expect(await db().municipalityNeighbour.count({ where: { countyId } })).toBe(DEMO_NEIGHBOURS.length);
    const one = await db().municipalityNeighbour.findFirstOrThrow({ where: { countyId } });
    await db().municipalityNeighbour.delete({
      where: { municipalityId_neighbourId: { municipalityId: one.municipalityId, neighbourId: one.neighbourId } },
    });
    const again = await seedDemo(db(), { password: DEMO_PASSWORD, today: SEED_DAY });
    expect(again.neighboursCreated).toBe(0);
    expect(await db().municipalityNeighbour.count({ where: { countyId } })).toBe(DEMO_NEIGHBOURS.length - 1);
    await db().municipalityNeighbour.create({ data: one });
  });
});
