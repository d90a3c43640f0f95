import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/export/boerse.csv/route";
import type { Actor, Permission } from "../../lib/auth/actor";
import { loadBoardWeeks } from "../../lib/board-stats/queries";
import { BOARD_CSV_HEADINGS } from "../../lib/board-stats/csv";
import { boardWeekTotals, isoWeekOf, mondayOf, weekLabel } from "../../lib/board-stats/weekly";
import { addDays, berlinDay, dayToDate, formatDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { createOffer, DAY, failure, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// The board's weekly figures for the press office: the county-scoped query and the CSV download
// through its route handler (with a stand-in session), which must never carry personal data.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/session", async () => {
  const { can } = await import("../../lib/auth/actor");
  const { forbidden, unauthenticated } = await import("../../lib/errors");
  return {
    requireActor: (permission?: Permission) => {
      if (!session.actor) return Promise.reject(unauthenticated());
      if (permission && !can(session.actor, permission)) return Promise.reject(forbidden());
      return Promise.resolve(session.actor);
    },
  };
});

let demo: Awaited<ReturnType<typeof seedBoardPlaces>>["demo"];
let place: Record<"a" | "b" | "other", Place>;
let otherCoordinator: Actor;
const now = Date.now();
const at = (offset: number) => new Date(now + offset);
const HOUR = 3_600_000;
let placedOffer: Awaited<ReturnType<typeof createOffer>>;

async function download(actor: Actor | null) {
  session.actor = actor;
  const response = await GET(new Request("http://localhost/api/export/boerse.csv"), {});
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Keep the byte order mark, which response.text() would drop.
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

beforeAll(async () => {
  ({ demo, places: place, otherCoordinator } = await seedBoardPlaces());
  const offerer = (n: number) => ({
    contactEmail: `anbieterin-${n}@privat.example`,
    contactPhone: `0171 98765${n}`,
    postalCode: `9753${n}`,
    description: `Wohnung bei Familie Mustermann-${n}, Lindenweg ${n}`,
  });
  await createOffer(place.a, "published", {
    ...offerer(1),
    createdAt: at(-14 * DAY),
    confirmedAt: at(-14 * DAY + HOUR),
    expiresAt: at(5 * DAY),
  });
  placedOffer = await createOffer(place.b, "placed", {
    ...offerer(2),
    createdAt: at(-20 * DAY),
    confirmedAt: at(-20 * DAY + HOUR),
    expiresAt: at(3 * DAY),
    endedAt: at(-2 * DAY),
  });
  await createOffer(place.a, "expired", {
    ...offerer(3),
    createdAt: at(-30 * DAY),
    confirmedAt: at(-30 * DAY + HOUR),
    expiresAt: at(-3 * DAY),
  });
  // Deleted before it would have expired: not "abgelaufen".
  await createOffer(place.b, "deleted", {
    ...offerer(4),
    createdAt: at(-10 * DAY),
    confirmedAt: at(-10 * DAY + HOUR),
    expiresAt: at(-DAY),
    endedAt: at(-5 * DAY),
  });
  await createOffer(place.a, "pending", { ...offerer(5), createdAt: at(-HOUR) });
  // Before the twelve weeks, and in another county: counted nowhere here.
  await createOffer(place.a, "expired", {
    ...offerer(6),
    createdAt: at(-200 * DAY),
    confirmedAt: at(-200 * DAY),
    expiresAt: at(-190 * DAY),
  });
  await createOffer(place.other, "published", { ...offerer(7), createdAt: at(-DAY), confirmedAt: at(-DAY + HOUR) });
  const today = berlinDay();
  await db().boardPlacement.createMany({
    data: [
      {
        countyId: place.b.countyId,
        municipalityId: place.b.id,
        offerId: placedOffer.id,
        householdSize: 3,
        placedOn: dayToDate(addDays(today, -3)),
      },
      { countyId: place.b.countyId, municipalityId: place.b.id, offerId: placedOffer.id, householdSize: 2, placedOn: dayToDate(today) },
      { countyId: place.a.countyId, municipalityId: place.a.id, householdSize: 1, placedOn: dayToDate(addDays(today, -200)) },
      { countyId: place.other.countyId, municipalityId: place.other.id, householdSize: 4, placedOn: dayToDate(today) },
    ],
  });
});

describe("the weekly figures", () => {
  it("counts the county's offers and recorded placements in the last twelve weeks", async () => {
    const weeks = await loadBoardWeeks(demo.press);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.week).toBe(isoWeekOf(mondayOf(berlinDay())));
    expect(boardWeekTotals(weeks)).toEqual({ received: 5, confirmed: 4, placedByOfferers: 1, placementsRecorded: 2, expired: 1 });
    const placedWeek = weeks.find((week) => week.from === mondayOf(berlinDay(placedOffer.endedAt!)))!;
    expect(placedWeek.placedByOfferers).toBe(1);
    // The same for coordinators and admins; another county sees only its own offer.
    expect(boardWeekTotals(await loadBoardWeeks(demo.coordinator))).toEqual(boardWeekTotals(weeks));
    expect(boardWeekTotals(await loadBoardWeeks(otherCoordinator))).toMatchObject({ received: 1, confirmed: 1, placementsRecorded: 1 });
  });

  it("is not for clerks", async () => {
    expect((await failure(loadBoardWeeks(demo.clerkA))).code).toBe("FORBIDDEN");
  });
});

describe("GET /api/export/boerse.csv", () => {
  it("gives the press office the weeks as CSV for German Excel, records the export, and holds no personal data", async () => {
    const eventsBefore = await db().auditEvent.count({ where: { action: "export.created" } });
    const { response, bytes, text } = await download(demo.press);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="boerse-landkreis-musterland-${berlinDay()}.csv"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");

    const rows = parse(text.slice(1), { delimiter: ";" }) as string[][];
    expect(rows[0]).toEqual(BOARD_CSV_HEADINGS);
    expect(rows).toHaveLength(14);
    const weeks = await loadBoardWeeks(demo.press);
    weeks.forEach((week, index) => {
      expect(rows[index + 1]![0]).toBe(`${weekLabel(week.week)}${week.current ? " (laufend)" : ""}`);
      expect(rows[index + 1]!.slice(1, 3)).toEqual([formatDay(week.from), formatDay(week.to)]);
    });
    expect(rows[13]).toEqual(["Gesamt", formatDay(weeks[0]!.from), formatDay(weeks.at(-1)!.to), "5", "4", "1", "2", "1"]);

    // Nothing of any offer's contact data, address or description, in the whole text.
    const offers = await db().housingOffer.findMany({
      select: { contactEmail: true, contactPhone: true, postalCode: true, description: true },
    });
    for (const offer of offers) {
      for (const value of [offer.contactEmail, offer.contactPhone, offer.postalCode, offer.description]) {
        if (value) expect(text).not.toContain(value);
      }
    }
    expect(text).not.toMatch(/@|Mustermann|Lindenweg/);

    const events = await db().auditEvent.findMany({ where: { action: "export.created" }, orderBy: { createdAt: "desc" } });
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events[0]).toMatchObject({ actorId: demo.press.id, countyId: demo.countyId });
    expect(events[0]!.after).toEqual({ format: "csv", table: "boerse", stand: berlinDay() });
  });

  it("refuses a clerk (403) and an anonymous caller (401), recording nothing", async () => {
    const eventsBefore = await db().auditEvent.count({ where: { action: "export.created" } });
    const clerk = await download(demo.clerkA);
    expect(clerk.response.status).toBe(403);
    expect(clerk.text).not.toMatch(/Kalenderwoche/);
    expect((await download(null)).response.status).toBe(401);
    expect(await db().auditEvent.count({ where: { action: "export.created" } })).toBe(eventsBefore);
  });
});
