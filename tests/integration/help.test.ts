import { beforeAll, describe, expect, it } from "vitest";
import { toActor, type Actor } from "../../lib/auth/actor";
import { loadCountyEvaluation, loadCountyTrend } from "../../lib/capacity/queries";
import { addDays, berlinDay, dayToDate } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { acceptHelpOffer, endHelpPlacement, makeHelpOffer, withdrawHelpOffer } from "../../lib/help/offers";
import { listHelpRequests, loadCurrentPlacementsOf, loadHelpRequest } from "../../lib/help/queries";
import { openHelpRequest, openRequestsFromProposal, withdrawHelpRequest } from "../../lib/help/requests";
import { loadBalancing } from "../../lib/capacity/balancing-data";
import { jobs } from "../../lib/jobs";
import { seedDemoCounty } from "../support/fixtures";

// Inter-municipal help (issue 12): request → offer → agreement → placement, with each role's
// allowed and forbidden steps called on the services directly, as a replayed server action would.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
let ids: Record<string, string>;
let otherCoordinator: Actor;
const today = berlinDay();

const failure = async (promise: Promise<unknown>) => {
  const error: unknown = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof AppError))
    throw new Error(`expected an AppError, got ${error instanceof Error ? error.stack : JSON.stringify(error)}`);
  return error;
};
const mailJobs = () =>
  db().$queryRaw<{ data: { to: string[]; subject: string; text: string; countyId?: string } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'mail-send' ORDER BY created_on`;
const counts = async () => ({
  requests: await db().helpRequest.count(),
  offers: await db().helpOffer.count(),
  placements: await db().helpPlacement.count(),
});
const rowOf = async (actor: Actor, name: string, asOf = today) =>
  (await loadCountyEvaluation(actor, asOf))!.rows.find((row) => row.name === `Kommune ${name}`)!;

const requestInput = (municipalityId: string, persons = "20") => ({
  municipalityId,
  persons,
  composition: "2 Familien, 8 Einzelpersonen",
  neededBy: addDays(today, 10),
  accommodation: "EITHER",
  comment: "Vertraulich: Bitte barrierefrei.",
});
const offerInput = (requestId: string, municipalityId: string, persons = "20", extra: Record<string, unknown> = {}) => ({
  requestId,
  municipalityId,
  persons,
  accommodation: "SHARED",
  availableFrom: today,
  duration: "TEMPORARY",
  availableUntil: addDays(today, 60),
  comment: "Nur Erdgeschoss frei.",
  confirmExceedsFreePlaces: false,
  ...extra,
});

beforeAll(async () => {
  demo = await seedDemoCounty();
  await jobs(); // creates the pgboss schema, so mail jobs can be counted before the first is queued
  const municipalities = await db().municipality.findMany({ where: { countyId: demo.countyId } });
  ids = Object.fromEntries(municipalities.map((m) => [m.name.replace("Kommune ", ""), m.id]));
  // The demo's own example request is not part of these tests.
  await db().helpRequest.deleteMany();
  const other = await db().county.create({ data: { name: "Landkreis Fremd", slug: "fremd-help" } });
  await db().municipality.create({ data: { countyId: other.id, name: "Fremdstadt", slug: "fremdstadt" } });
  otherCoordinator = toActor(
    await db().user.create({ data: { email: "koordination@fremd-help.example", name: "K", role: "COORDINATOR", countyId: other.id } }),
  );
});

describe("the help cycle", () => {
  let requestId: string;
  let offerId: string;

  it("a clerk of a short municipality asks for help; the coordinators are mailed, the history records it", async () => {
    const mailsBefore = (await mailJobs()).length;
    ({ id: requestId } = await openHelpRequest(demo.clerkM, requestInput(ids.M!)));
    const stored = await db().helpRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored).toMatchObject({ municipalityId: ids.M, persons: 20, status: "OPEN", countyId: demo.countyId });
    const mails = (await mailJobs()).slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data.to).toEqual(["koordination@wohnraum.example"]);
    expect(mails[0]!.data.subject).toContain("Kommune M bittet um 20 Plätze");
    expect(mails[0]!.data.text).toContain(`/amtshilfe/${requestId}`);
    expect(mails[0]!.data.text).not.toContain("Vertraulich");
    const { history } = (await loadHelpRequest(demo.coordinator, requestId))!;
    expect(history.map((entry) => entry.action)).toEqual(["help.request.open"]);
  });

  it("nobody asks on behalf of a municipality they do not act for, and hostile input stores nothing", async () => {
    const before = await counts();
    expect((await failure(openHelpRequest(demo.clerkA, requestInput(ids.M!)))).code).toBe("FORBIDDEN");
    expect((await failure(openHelpRequest(demo.press, requestInput(ids.M!)))).code).toBe("FORBIDDEN");
    expect((await failure(openHelpRequest(demo.admin, requestInput(ids.M!)))).code).toBe("FORBIDDEN");
    expect((await failure(openHelpRequest(otherCoordinator, requestInput(ids.M!)))).code).toBe("FORBIDDEN");
    const hostile = await failure(
      openHelpRequest(demo.clerkM, { ...requestInput(ids.M!, "1e3"), composition: "zwei\u0000Familien", neededBy: "0000-01-01" }),
    );
    expect(hostile.code).toBe("VALIDATION");
    expect(Object.keys(hostile.fieldErrors!).sort()).toEqual(["composition", "neededBy", "persons"]);
    expect(
      (await failure(openHelpRequest(demo.clerkM, { ...requestInput(ids.M!), neededBy: addDays(today, -1) }))).fieldErrors,
    ).toHaveProperty("neededBy");
    expect(await counts()).toEqual(before);
  });

  it("another municipality offers places; more than its free places needs a confirmation", async () => {
    const mailsBefore = (await mailJobs()).length;
    // Kommune R has 174 places beyond its need.
    const tooMany = await makeHelpOffer(demo.clerkR, offerInput(requestId, ids.R!, "500"));
    expect(tooMany).toEqual({ status: "exceedsFreePlaces", freePlaces: 174 });
    expect(await db().helpOffer.count()).toBe(0);
    const confirmed = await makeHelpOffer(demo.clerkR, offerInput(requestId, ids.R!, "500", { confirmExceedsFreePlaces: true }));
    expect(confirmed.status).toBe("saved");
    expect(await db().helpOffer.findFirstOrThrow({ where: { persons: 500 } })).toMatchObject({ exceedsFreePlacesConfirmed: true });
    await withdrawHelpOffer(demo.clerkR, (confirmed as { id: string }).id);

    const offer = await makeHelpOffer(demo.clerkR, offerInput(requestId, ids.R!));
    expect(offer.status).toBe("saved");
    offerId = (offer as { id: string }).id;
    const subjects = (await mailJobs()).slice(mailsBefore).map((job) => job.data);
    // The requester's clerk and the coordinator hear of each offer (and of the withdrawal).
    expect(subjects.filter((mail) => mail.subject.includes("bietet 20 Plätze"))[0]!.to.sort()).toEqual([
      "kommune-m@wohnraum.example",
      "koordination@wohnraum.example",
    ]);
  });

  it("offers: not for one's own request, not in another's name, not across counties", async () => {
    const before = await counts();
    expect((await failure(makeHelpOffer(demo.clerkM, offerInput(requestId, ids.M!)))).code).toBe("CONFLICT");
    expect((await failure(makeHelpOffer(demo.clerkA, offerInput(requestId, ids.R!)))).code).toBe("FORBIDDEN");
    expect((await failure(makeHelpOffer(demo.press, offerInput(requestId, ids.R!)))).code).toBe("FORBIDDEN");
    const foreign = await failure(
      makeHelpOffer(
        otherCoordinator,
        offerInput(requestId, (await db().municipality.findFirstOrThrow({ where: { slug: "fremdstadt" } })).id),
      ),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
  });

  it("only the requester or a coordinator accepts: a clerk cannot accept for another municipality", async () => {
    expect((await failure(acceptHelpOffer(demo.clerkA, offerId))).code).toBe("FORBIDDEN");
    expect((await failure(acceptHelpOffer(demo.clerkR, offerId))).code).toBe("FORBIDDEN");
    expect((await failure(acceptHelpOffer(demo.press, offerId))).code).toBe("FORBIDDEN");
    expect((await failure(acceptHelpOffer(otherCoordinator, offerId))).code).toBe("NOT_FOUND");
    expect(await db().helpPlacement.count()).toBe(0);
    expect((await db().helpOffer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("OPEN");
  });

  it("the coordinator accepts: an agreed placement that /lage counts from its first day, county totals unchanged, everyone mailed", async () => {
    const [mBefore, rBefore, totalsBefore] = [
      await rowOf(demo.coordinator, "M"),
      await rowOf(demo.coordinator, "R"),
      (await loadCountyEvaluation(demo.coordinator, today))!.totals,
    ];
    const mailsBefore = (await mailJobs()).length;
    await acceptHelpOffer(demo.coordinator, offerId);
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("COVERED");
    const [m, r, evaluation] = [
      await rowOf(demo.coordinator, "M"),
      await rowOf(demo.coordinator, "R"),
      (await loadCountyEvaluation(demo.coordinator, today))!,
    ];
    expect(m.shortfall).toBe(mBefore.shortfall - 20);
    expect(r.shortfall).toBe(rBefore.shortfall + 20);
    expect(m.figures).toEqual(mBefore.figures);
    expect(m.agreedHelp?.placedElsewhere).toEqual([{ municipalityId: ids.R, name: "Kommune R", persons: 20 }]);
    const { grossShortfall: _g, municipalitiesShort: _s, ...unchanged } = totalsBefore;
    expect(evaluation.totals).toMatchObject(unchanged);
    expect(evaluation.totals.grossShortfall).toBe(totalsBefore.grossShortfall - 20);
    // The Stand applies: yesterday it did not run yet; the trend counts it from today on.
    expect((await rowOf(demo.coordinator, "M", addDays(today, -1))).agreedHelp).toBeUndefined();
    const [yesterday, todayInTrend] = await loadCountyTrend(demo.coordinator, [addDays(today, -1), today]);
    expect(todayInTrend!.grossShortfall).toBe(evaluation.totals.grossShortfall);
    expect(yesterday!.grossShortfall).toBe(totalsBefore.grossShortfall);
    expect(todayInTrend!.missingPlaces).toBe(yesterday!.missingPlaces);
    const agreed = (await mailJobs()).slice(mailsBefore).map((job) => job.data);
    expect(agreed).toHaveLength(1);
    expect(agreed[0]!.to.sort()).toEqual(["kommune-m@wohnraum.example", "kommune-r@wohnraum.example", "koordination@wohnraum.example"]);
    expect(agreed[0]!.subject).toContain("Amtshilfe vereinbart");
    expect((await loadCurrentPlacementsOf(demo.clerkM, ids.M!)).map((p) => [p.host, p.persons, p.state])).toEqual([
      ["Kommune R", 20, "RUNNING"],
    ]);
    const { history } = (await loadHelpRequest(demo.coordinator, requestId))!;
    expect(history.map((entry) => entry.action)).toEqual([
      "help.request.open",
      "help.offer.make",
      "help.offer.withdraw",
      "help.offer.make",
      "help.placement.agree",
    ]);
  });

  it("the press office sees requests and offers, never their comments; another county sees nothing", async () => {
    const press = (await loadHelpRequest(demo.press, requestId))!.request;
    expect(press.comment).toBeNull();
    expect(press.offers.every((offer) => offer.comment === null)).toBe(true);
    expect(JSON.stringify(await listHelpRequests(demo.press))).not.toMatch(/Vertraulich|Erdgeschoss/);
    expect((await loadHelpRequest(demo.clerkA, requestId))!.request.comment).toBe("Vertraulich: Bitte barrierefrei.");
    expect(await loadHelpRequest(otherCoordinator, requestId)).toBeNull();
    expect(await listHelpRequests(otherCoordinator)).toEqual({ open: [], closed: [] });
  });

  it("a placement ends: not by an uninvolved clerk; afterwards /lage no longer counts it", async () => {
    const placement = await db().helpPlacement.findFirstOrThrow({ where: { requestId } });
    expect((await failure(endHelpPlacement(demo.clerkA, { placementId: placement.id, endedOn: today }))).code).toBe("FORBIDDEN");
    expect(
      (await failure(endHelpPlacement(demo.clerkM, { placementId: placement.id, endedOn: addDays(today, 1) }))).fieldErrors,
    ).toHaveProperty("endedOn");
    await endHelpPlacement(demo.clerkM, { placementId: placement.id, endedOn: today });
    expect((await rowOf(demo.coordinator, "M")).agreedHelp).toBeUndefined();
    expect(await loadCurrentPlacementsOf(demo.clerkM, ids.M!)).toEqual([]);
    expect((await failure(endHelpPlacement(demo.clerkM, { placementId: placement.id, endedOn: today }))).code).toBe("CONFLICT");
  });
});

describe("concurrency and the database's own rules", () => {
  it("two coordinators accepting offers at once: the request is covered once, the later acceptance is refused", async () => {
    const { id } = await openHelpRequest(demo.coordinator, requestInput(ids.C!, "10"));
    const first = await makeHelpOffer(demo.coordinator, offerInput(id, ids.L!, "10"));
    const second = await makeHelpOffer(demo.coordinator, offerInput(id, ids.B!, "10"));
    const results = await Promise.allSettled([
      acceptHelpOffer(demo.coordinator, (first as { id: string }).id),
      acceptHelpOffer(demo.coordinator, (second as { id: string }).id),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    expect(await db().helpPlacement.count({ where: { requestId: id } })).toBe(1);
    expect((await db().helpRequest.findUniqueOrThrow({ where: { id } })).status).toBe("COVERED");
  });

  it("a withdrawn request takes no more offers", async () => {
    const { id } = await openHelpRequest(demo.clerkM, requestInput(ids.M!, "5"));
    expect((await failure(withdrawHelpRequest(demo.clerkR, id))).code).toBe("FORBIDDEN");
    await withdrawHelpRequest(demo.clerkM, id);
    expect((await failure(makeHelpOffer(demo.clerkR, offerInput(id, ids.R!, "5")))).code).toBe("CONFLICT");
  });

  it("refuses a placement across counties or with itself, even written around the app", async () => {
    const request = await db().helpRequest.findFirstOrThrow({ where: { municipalityId: ids.M, persons: 20 } });
    const offer = await db().helpOffer.findFirstOrThrow({ where: { requestId: request.id } });
    const foreignTown = await db().municipality.findFirstOrThrow({ where: { slug: "fremdstadt" } });
    const base = {
      countyId: demo.countyId,
      requestId: request.id,
      offerId: offer.id,
      requesterId: ids.M!,
      persons: 3,
      startsOn: dayToDate(today),
    };
    await expect(db().helpPlacement.create({ data: { ...base, hostId: foreignTown.id } })).rejects.toThrow();
    await expect(db().helpPlacement.create({ data: { ...base, hostId: ids.M! } })).rejects.toThrow();
    await expect(db().helpOffer.create({ data: { ...offerRow(request.id), accommodation: "EITHER" } })).rejects.toThrow();
    await expect(
      db().helpOffer.create({ data: { ...offerRow(request.id), duration: "TEMPORARY", availableUntil: null } }),
    ).rejects.toThrow();
  });
});

function offerRow(requestId: string) {
  return {
    countyId: demo.countyId,
    requestId,
    municipalityId: ids.R!,
    persons: 1,
    accommodation: "SHARED" as const,
    availableFrom: dayToDate(today),
    duration: "PERMANENT" as const,
  };
}

describe("from the balancing proposal", () => {
  it("one line becomes one request per helper, addressed to it and mailed to its clerks", async () => {
    const view = (await loadBalancing(demo.coordinator, today))!;
    const line = view.proposal.lines.find((candidate) => candidate.name === "Kommune M")!;
    const helpers = [...new Set(line.transfers.map((transfer) => transfer.fromId))];
    const helperClerk = "helfer@wohnraum.example";
    await db().user.create({
      data: { email: helperClerk, name: "H", role: "CLERK", countyId: demo.countyId, municipalityId: helpers[0]! },
    });
    const mailsBefore = (await mailJobs()).length;
    const { ids: created } = await openRequestsFromProposal(demo.coordinator, line, today);
    expect(created).toHaveLength(helpers.length);
    const requests = await db().helpRequest.findMany({ where: { id: { in: created } } });
    for (const helper of helpers) {
      const places = line.transfers
        .filter((transfer) => transfer.fromId === helper)
        .reduce((total, transfer) => total + transfer.places, 0);
      expect(requests.find((request) => request.addressedToId === helper)).toMatchObject({
        municipalityId: ids.M,
        persons: places,
        status: "OPEN",
      });
    }
    // The coordinators and the helpers' clerks are mailed, one mail per request.
    const sent = (await mailJobs()).slice(mailsBefore).map((job) => job.data);
    expect(sent).toHaveLength(created.length);
    expect([...new Set(sent.flatMap((mail) => mail.to))].sort()).toEqual([helperClerk, "koordination@wohnraum.example"]);
    expect(sent[0]!.subject).toContain("Kommune M bittet um");
    // A clerk may not do it; neither may the press office.
    expect((await failure(openRequestsFromProposal(demo.clerkM, line, today))).code).toBe("FORBIDDEN");
    expect((await failure(openRequestsFromProposal(demo.press, line, today))).code).toBe("FORBIDDEN");
  });
});
