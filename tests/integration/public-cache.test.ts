import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WohnraumCacheHandler, { publicCacheStats } from "../../lib/cache/next-cache-handler.mjs";
import { boardTag, offersTag, offerTag } from "../../lib/cache/tags";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { runOfferMaintenance } from "../../lib/offers/maintenance";
import { createOffer, seedBoardPlaces, type Place } from "../support/offer-fixtures";

// The public board's cache handler (lib/cache/next-cache-handler.mjs) on a real database: an
// entry is served until a change of one of its tags commits, by whatever path the change comes
// (the triggers write the events), including a change that commits while the data is being read,
// and an offer's expiry, which writes nothing.

let place: Place;
let countyId: string;
const handler = new WohnraumCacheHandler({});
let other: pg.Client;

beforeAll(async () => {
  const { places } = await seedBoardPlaces();
  place = places.a;
  countyId = place.countyId;
  other = new pg.Client({ connectionString: env().DATABASE_URL });
  await other.connect();
});
afterAll(() => other.end());

let keys = 0;
const entry = (body: string) => ({ kind: "FETCH" as const, data: { headers: {}, body, status: 200, url: "" }, revalidate: 31536000 });

/** The snapshot and time, taken as the cached functions take them before they read (public-cache.ts). */
async function snapshotNow() {
  const { rows } = await other.query<{ snapshot: string; read_at: Date }>(
    "SELECT pg_current_snapshot()::text AS snapshot, clock_timestamp() AS read_at",
  );
  return { snapshot: rows[0]!.snapshot, readAt: rows[0]!.read_at.toISOString() };
}

/** A miss, then data read after a snapshot stored with it, as unstable_cache does; the key. */
async function store(tags: string[], value: unknown = "data", read?: { snapshot: string; readAt: string }) {
  const key = `test-${++keys}`;
  expect(await handler.get(key, { kind: "FETCH", tags })).toBeNull();
  const taken = read ?? (await snapshotNow());
  await handler.set(key, entry(JSON.stringify({ ...taken, value })), { fetchCache: true, tags });
  return key;
}

const read = (key: string, tags: string[]) => handler.get(key, { kind: "FETCH", tags });

describe("the public board's cache handler", () => {
  it("serves an entry until an offer of its county changes, through the app's client or plain SQL", async () => {
    const offer = await createOffer(place, "published");
    const tags = [offersTag(countyId)];
    const key = await store(tags, "list");
    const hit = await read(key, tags);
    expect(JSON.parse(hit!.value.data.body)).toMatchObject({ value: "list" });
    expect(await read(key, tags)).not.toBeNull();

    await db().housingOffer.update({ where: { id: offer.id }, data: { description: "Neu beschrieben" } });
    expect(await read(key, tags)).toBeNull();

    const again = await store(tags);
    await other.query("UPDATE housing_offer SET persons = persons + 1 WHERE id = $1", [offer.id]);
    expect(await read(again, tags)).toBeNull();
  });

  it("invalidates exactly the affected tags: an offer's own page, not another offer's", async () => {
    const [first, second] = [await createOffer(place, "published"), await createOffer(place, "published")];
    const firstKey = await store([offerTag(first.id)]);
    const secondKey = await store([offerTag(second.id)]);
    await db().housingOffer.update({ where: { id: first.id }, data: { status: "DELETED", endedAt: new Date(), endedBy: "OFFERER" } });
    expect(await read(firstKey, [offerTag(first.id)])).toBeNull();
    expect(await read(secondKey, [offerTag(second.id)])).not.toBeNull();
  });

  it("never keeps data read while a change was still committing", async () => {
    const offer = await createOffer(place, "published");
    const tags = [offerTag(offer.id)];
    // The change is written but not committed when the entry's data is read ...
    const writer = new pg.Client({ connectionString: env().DATABASE_URL });
    await writer.connect();
    await writer.query("BEGIN");
    await writer.query("UPDATE housing_offer SET description = 'Während des Lesens' WHERE id = $1", [offer.id]);
    const key = await store(tags, "read before the commit");
    // ... so the entry must not survive the commit, although the change's transaction began first.
    await writer.query("COMMIT");
    expect(await read(key, tags)).toBeNull();

    // A change rolled back changes nothing.
    const kept = await store(tags);
    await writer.query("BEGIN");
    await writer.query("UPDATE housing_offer SET description = 'Verworfen' WHERE id = $1", [offer.id]);
    await writer.query("ROLLBACK");
    await writer.end();
    expect(await read(kept, tags)).not.toBeNull();
  });

  it("judges an entry by the snapshot its own read took, however late it is stored", async () => {
    const offer = await createOffer(place, "published");
    const tags = [offerTag(offer.id)];
    // A slow read starts, a change commits, a quick read of the same key is stored, and then the
    // slow read's data arrives: it must not take the quick read's newer snapshot.
    const slowRead = await snapshotNow();
    await db().housingOffer.update({ where: { id: offer.id }, data: { persons: 5 } });
    const quick = await store(tags, "after the change");
    expect(await read(quick, tags)).not.toBeNull();
    await handler.set(quick, entry(JSON.stringify({ ...slowRead, value: "before the change" })), { fetchCache: true, tags });
    expect(await read(quick, tags)).toBeNull();
  });

  it("drops the list and the offer's page when a listed offer expires, without any write", async () => {
    const offer = await createOffer(place, "published", { expiresAt: new Date(Date.now() + 1500) });
    const tags = [offersTag(countyId), offerTag(offer.id)];
    const key = await store(tags);
    expect(await read(key, tags)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(await read(key, tags)).toBeNull();
  });

  it("records the expiries of offers listed before the triggers (the migration, pg_restore)", async () => {
    const offer = await createOffer(place, "published");
    // As if written before the triggers: no events for it.
    await db().cacheTagEvent.deleteMany({ where: { tag: { in: [offerTag(offer.id), offersTag(countyId)] }, dueAt: offer.expiresAt } });
    await other.query("SELECT cache_events_for_listed_offers()");
    const events = await db().cacheTagEvent.findMany({
      where: { tag: { in: [offerTag(offer.id), offersTag(countyId)] }, dueAt: offer.expiresAt },
    });
    expect(events.map((event) => event.tag).sort()).toEqual([offerTag(offer.id), offersTag(countyId)].sort());
  });

  it("counts the county, its municipalities and rent ceilings as the board's data", async () => {
    const tags = [boardTag(countyId)];
    const afterMunicipality = await store(tags);
    await db().municipality.update({ where: { id: place.id }, data: { name: "Kommune A (neu)" } });
    expect(await read(afterMunicipality, tags)).toBeNull();

    const afterCeiling = await store(tags);
    await db().rentCeiling.upsert({
      where: { municipalityId_householdSize: { municipalityId: place.id, householdSize: 2 } },
      create: { countyId, municipalityId: place.id, householdSize: 2, maxWarmRent: 600 },
      update: { maxWarmRent: 611 },
    });
    expect(await read(afterCeiling, tags)).toBeNull();

    const afterCounty = await store([boardTag(countyId), "counties"]);
    const otherCounty = await store([boardTag("another-county")]);
    await db().county.update({ where: { id: countyId }, data: { embedOrigins: ["https://www.musterland.example"] } });
    expect(await read(afterCounty, [boardTag(countyId), "counties"])).toBeNull();
    expect(await read(otherCounty, [boardTag("another-county")])).not.toBeNull();
  });

  it("records Next.js's revalidateTag for every instance", async () => {
    const key = await store(["custom-tag"]);
    await handler.revalidateTag("custom-tag", { expire: 0 });
    expect(await read(key, ["custom-tag"])).toBeNull();
  });

  it("keeps no entry without the snapshot its data was read after, and counts hits and misses", async () => {
    await handler.set("never-missed", entry(JSON.stringify({ value: "x" })), { fetchCache: true, tags: ["t"] });
    const before = publicCacheStats();
    expect(await read("never-missed", ["t"])).toBeNull();
    expect(publicCacheStats().misses).toBe(before.misses + 1);
  });

  it("prunes change events older than two hours in the hourly job, and keeps future expiries", async () => {
    const offer = await createOffer(place, "published", { expiresAt: new Date(Date.now() + 5 * 86_400_000) });
    const later = new Date(Date.now() + 3 * 3_600_000);
    await runOfferMaintenance({ prisma: db(), queueMail: async () => {}, appUrl: "http://localhost:3000", now: later });
    const left = await db().cacheTagEvent.findMany({ where: { tag: offerTag(offer.id) } });
    expect(left.length).toBe(1);
    expect(left[0]!.dueAt?.getTime()).toBe(offer.expiresAt!.getTime());
  });
});
