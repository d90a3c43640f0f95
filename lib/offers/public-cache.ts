import "server-only";
import { unstable_cache } from "next/cache";
import { decodeFromCache, encodeForCache } from "../cache/codec";
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

function cached<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  tags: string[],
  ...args: Args
): Promise<Result> {
  const load = unstable_cache(async (...inner: Args) => encodeForCache(await read(...inner)), ["public-board", name], { tags });
  return load(...args).then(
    (value) => decodeFromCache<Result>(value),
    (error: unknown) => {
      // Outside a Next.js server (the integration tests call route handlers directly) there is
      // no cache to read through: read the data itself.
      if (error instanceof Error && error.message.startsWith("Invariant: incrementalCache missing")) return read(...args);
      throw error;
    },
  );
}

export const cachedBoardCounty = () => cached("county", boardCounty, [COUNTIES_TAG]);

export async function cachedOfferList(filters: OfferFilters) {
  const county = await cachedBoardCounty();
  return cached("list", listPublicOffers, [offersTag(county.id), boardTag(county.id), COUNTIES_TAG], filters);
}

export async function cachedOffer(id: string) {
  const county = await cachedBoardCounty();
  // The id is part of the key; an odd one is refused inside (publicOffer) before any query.
  return cached("offer", publicOffer, [offerTag(id), boardTag(county.id), COUNTIES_TAG], id);
}

export async function cachedBoardSummary() {
  const county = await cachedBoardCounty();
  return cached("summary", boardSummary, [offersTag(county.id), COUNTIES_TAG]);
}

export const cachedMunicipalities = (countyId: string) => cached("municipalities", boardMunicipalities, [boardTag(countyId)], countyId);

export const cachedCeilingTables = (countyId: string) => cached("ceilings", loadCeilingTables, [boardTag(countyId)], countyId);

export async function cachedOpenOfferList(query: ListQuery) {
  const county = await cachedBoardCounty();
  return cached("api-list", openOfferList, [offersTag(county.id), boardTag(county.id), COUNTIES_TAG], query);
}

export async function cachedOpenOffer(id: string) {
  const county = await cachedBoardCounty();
  return cached("api-offer", openOfferDetail, [offerTag(id), boardTag(county.id), COUNTIES_TAG], id);
}
