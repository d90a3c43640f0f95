import "server-only";
import { unstable_cache } from "next/cache";
import { decodeFromCache, encodeForCache } from "../cache/codec";
import { db } from "../db/client";
import { boardTag, COUNTIES_TAG, offersTag, offerTag } from "../cache/tags";
import { boardCounty, boardMunicipalities } from "./board";
import type { OfferFilters } from "./filters";
import { openOfferDetail, openOfferList } from "./open-data/queries";
import type { ListQuery } from "./open-data/schemas";
import { boardSummary, listPublicOffers, publicOffer } from "./queries";
import { loadCeilingTables } from "./rent-ceiling-service";

// The public board's pages and API read through Next.js's cache, so a rush after a press report
// costs one small query per read (lib/cache/next-cache-handler.mjs) instead of the list's. Each
// entry carries the tags of what it shows; database triggers record every change of them, on
// whichever instance or job it happens, so the next read anywhere is fresh. The data functions
// themselves stay uncached (tests and the intranet call them directly).

// The snapshot the data is read after, and the database's time then, which is also the read's
// "now": expiries are then judged by one clock, the database's (the handler checks due events
// against it).
const SNAPSHOT_SQL = `SELECT pg_current_snapshot()::text AS snapshot, clock_timestamp() AS read_at`;

/** What the cache keeps: the value, and the snapshot the handler checks it against. */
interface Stored {
  snapshot: string;
  readAt: string;
  value: unknown;
}

function cached<Key extends unknown[], Result>(
  name: string,
  tags: string[],
  key: Key,
  read: (now: Date) => Promise<Result>,
): Promise<Result> {
  // The key arguments only name the entry; the read itself is the closure.
  const load = unstable_cache(
    async (..._key: Key): Promise<Stored> => {
      const [{ snapshot, read_at }] = await db().$queryRawUnsafe<[{ snapshot: string; read_at: Date }]>(SNAPSHOT_SQL);
      return { snapshot, readAt: read_at.toISOString(), value: encodeForCache(await read(read_at)) };
    },
    ["public-board", name],
    { tags },
  );
  return load(...key).then(
    (stored) => decodeFromCache<Result>(stored.value),
    (error: unknown) => {
      // Outside a Next.js server (the integration tests call route handlers directly) there is
      // no cache to read through: read the data itself.
      if (error instanceof Error && error.message.startsWith("Invariant: incrementalCache missing")) return read(new Date());
      throw error;
    },
  );
}

export const cachedBoardCounty = () => cached("county", [COUNTIES_TAG], [], () => boardCounty());

export async function cachedOfferList(filters: OfferFilters) {
  const county = await cachedBoardCounty();
  return cached("list", [offersTag(county.id), boardTag(county.id), COUNTIES_TAG], [filters], (now) => listPublicOffers(filters, now));
}

export async function cachedOffer(id: string) {
  const county = await cachedBoardCounty();
  // The id is part of the key; an odd one is refused inside (publicOffer) before any query.
  return cached("offer", [offerTag(id), boardTag(county.id), COUNTIES_TAG], [id], (now) => publicOffer(id, now));
}

export async function cachedBoardSummary() {
  const county = await cachedBoardCounty();
  return cached("summary", [offersTag(county.id), COUNTIES_TAG], [], (now) => boardSummary(now));
}

export const cachedMunicipalities = (countyId: string) =>
  cached("municipalities", [boardTag(countyId)], [countyId], () => boardMunicipalities(countyId));

export const cachedCeilingTables = (countyId: string) =>
  cached("ceilings", [boardTag(countyId)], [countyId], () => loadCeilingTables(countyId));

export async function cachedOpenOfferList(query: ListQuery) {
  const county = await cachedBoardCounty();
  return cached("api-list", [offersTag(county.id), boardTag(county.id), COUNTIES_TAG], [query], (now) => openOfferList(query, now));
}

export async function cachedOpenOffer(id: string) {
  const county = await cachedBoardCounty();
  return cached("api-offer", [offerTag(id), boardTag(county.id), COUNTIES_TAG], [id], (now) => openOfferDetail(id, now));
}
