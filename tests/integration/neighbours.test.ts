import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { toActor, type Actor } from "../../lib/auth/actor";
import { db } from "../../lib/db/client";
import { DEMO_NEIGHBOURS } from "../../lib/demo/neighbours";
import { AppError } from "../../lib/errors";
import { loadNeighbourhood, loadNeighbourLinks, saveNeighbours } from "../../lib/neighbours/service";
import { seedDemoCounty } from "../support/fixtures";

// Who may record neighbours, and that nothing hostile gets stored.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
let ids: Record<string, string>;
let otherAdmin: Actor;
let otherTown: string;

const snapshot = () =>
  db().municipalityNeighbour.findMany({
    orderBy: [{ municipalityId: "asc" }, { neighbourId: "asc" }],
    select: { municipalityId: true, neighbourId: true, travelMinutes: true },
  });
const code = async (promise: Promise<unknown>) => {
  const error: unknown = await promise.catch((caught: unknown) => caught);
  return error instanceof AppError ? error.code : error;
};

beforeAll(async () => {
  demo = await seedDemoCounty();
  const municipalities = await db().municipality.findMany({ where: { countyId: demo.countyId } });
  ids = Object.fromEntries(municipalities.map((m) => [m.name.replace("Kommune ", ""), m.id]));
  const other = await db().county.create({ data: { name: "Landkreis Nachbar", slug: "nachbar-neighbours" } });
  otherTown = (await db().municipality.create({ data: { countyId: other.id, name: "Nachbarstadt", slug: "nachbarstadt" } })).id;
  otherAdmin = toActor(
    await db().user.create({ data: { email: "admin@nachbar-n.example", name: "A", role: "ADMIN", countyId: other.id } }),
  );
});

describe("recording neighbours", () => {
  it("an admin sets a municipality's neighbours; each relation is stored once and read in both directions, with an audit event", async () => {
    const result = await saveNeighbours(demo.admin, {
      municipalityId: ids.J,
      neighbours: [
        { id: ids.A, travelMinutes: "15" },
        { id: ids.U, travelMinutes: "" },
      ],
    });
    expect(result).toEqual({ name: "Kommune J", count: 2 });
    const hood = (await loadNeighbourhood(demo.admin))!;
    expect(hood.neighboursOf.get(ids.J!)!.get(ids.A!)).toBe(15);
    expect(hood.neighboursOf.get(ids.J!)!.get(ids.U!)).toBeNull();
    expect(hood.neighboursOf.get(ids.A!)!.get(ids.J!)).toBe(15);
    // The demo's grid neighbours of J (C, I, K, Q) are replaced.
    expect([...hood.neighboursOf.get(ids.J!)!.keys()].sort()).toEqual([ids.A, ids.U].sort());
    const rows = await db().municipalityNeighbour.findMany({ where: { OR: [{ municipalityId: ids.J }, { neighbourId: ids.J }] } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.municipalityId < row.neighbourId)).toBe(true);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "municipality.neighbours", subjectId: ids.J },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorId: demo.admin.id, countyId: demo.countyId });
    expect(audit.before).toHaveLength(4);
    expect(audit.after).toEqual([
      { id: ids.A, name: "Kommune A", travelMinutes: 15 },
      { id: ids.U, name: "Kommune U", travelMinutes: null },
    ]);
    // The other municipalities' relations are untouched: J's four grid neighbours became two.
    expect(await loadNeighbourLinks(demo.coordinator)).toHaveLength(DEMO_NEIGHBOURS.length - 4 + 2);
  });

  it("coordinators, clerks and press are refused and nothing changes", async () => {
    const before = await snapshot();
    for (const actor of [demo.coordinator, demo.clerkA, demo.press]) {
      expect(await code(saveNeighbours(actor, { municipalityId: ids.J, neighbours: [] }))).toBe("FORBIDDEN");
      expect(await loadNeighbourhood(actor)).toBeNull();
    }
    expect(await loadNeighbourLinks(demo.clerkA)).toEqual([]);
    expect(await loadNeighbourLinks(demo.press)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("nothing crosses counties: another county's municipality is neither a neighbour nor editable", async () => {
    const before = await snapshot();
    expect(await code(saveNeighbours(demo.admin, { municipalityId: ids.J, neighbours: [{ id: otherTown, travelMinutes: "5" }] }))).toBe(
      "VALIDATION",
    );
    expect(await code(saveNeighbours(demo.admin, { municipalityId: otherTown, neighbours: [] }))).toBe("NOT_FOUND");
    expect(await code(saveNeighbours(otherAdmin, { municipalityId: otherTown, neighbours: [{ id: ids.A, travelMinutes: "" }] }))).toBe(
      "VALIDATION",
    );
    expect(await code(saveNeighbours(otherAdmin, { municipalityId: ids.A, neighbours: [] }))).toBe("NOT_FOUND");
    expect(await loadNeighbourLinks(otherAdmin)).toEqual([]);
    expect((await loadNeighbourhood(otherAdmin))!.municipalities.map((m) => m.name)).toEqual(["Nachbarstadt"]);
    expect(await snapshot()).toEqual(before);
  });

  it("the database itself refuses a pair across counties, a pair in the wrong order, to itself, or a bad travel time", async () => {
    const [first, second] = [ids.A!, ids.B!].sort();
    const attempts = [
      {
        countyId: demo.countyId,
        municipalityId: otherTown < ids.A! ? otherTown : ids.A!,
        neighbourId: otherTown < ids.A! ? ids.A! : otherTown,
      },
      { countyId: demo.countyId, municipalityId: second!, neighbourId: first! },
      { countyId: demo.countyId, municipalityId: first!, neighbourId: first! },
      {
        countyId: demo.countyId,
        municipalityId: ids.J! < ids.K! ? ids.J! : ids.K!,
        neighbourId: ids.J! < ids.K! ? ids.K! : ids.J!,
        travelMinutes: 0,
      },
    ];
    for (const data of attempts) await expect(db().municipalityNeighbour.create({ data })).rejects.toThrow();
  });

  it("hostile input is refused with nothing stored", async () => {
    const before = await snapshot();
    const hostile = [
      null,
      "J",
      { municipalityId: ids.J, neighbours: "alle" },
      { municipalityId: { in: [ids.J] }, neighbours: [] },
      { municipalityId: `${ids.J}' OR 1=1 --`, neighbours: [] },
      { municipalityId: ids.J, neighbours: [{ id: ids.J, travelMinutes: "" }] },
      {
        municipalityId: ids.J,
        neighbours: [
          { id: ids.A, travelMinutes: "" },
          { id: ids.A, travelMinutes: "3" },
        ],
      },
      { municipalityId: ids.J, neighbours: [{ id: ids.A, travelMinutes: "-1" }] },
      { municipalityId: ids.J, neighbours: [{ id: ids.A, travelMinutes: "1e3" }] },
      { municipalityId: ids.J, neighbours: [{ id: ids.A, travelMinutes: 99999 }] },
      { municipalityId: ids.J, neighbours: [{ id: "gibt-es-nicht", travelMinutes: "" }] },
      { municipalityId: ids.J, neighbours: Array.from({ length: 500 }, (_, index) => ({ id: `x${index}`, travelMinutes: "" })) },
    ];
    for (const input of hostile) {
      expect(["VALIDATION", "NOT_FOUND"], JSON.stringify(input)?.slice(0, 80)).toContain(await code(saveNeighbours(demo.admin, input)));
    }
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        const outcome = await code(saveNeighbours(demo.admin, input));
        expect(["VALIDATION", "NOT_FOUND"]).toContain(outcome);
      }),
      { numRuns: 50 },
    );
    expect(await snapshot()).toEqual(before);
  });
});
