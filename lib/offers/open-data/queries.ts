import "server-only";
import { db } from "../../db/client";
import { env } from "../../env";
import { boardCounty } from "../board";
import { offerListStateSql, offerPageSql, publicOfferOfRow, type OfferListRow } from "../list-sql";
import { publicOffer } from "../queries";
import { latest, offerChangedAt } from "./etag";
import { openListBody, toOpenOffer } from "./representation";
import { offerListSchema, offerSchema, type ListQuery, type OpenOffer, type OpenOfferList } from "./schemas";

// The public list for the open-data API: the same SQL as listPublicOffers (lib/offers/list-sql.ts),
// with a page size of the client's choice and the instant of the latest change.

/** APP_URL without a trailing slash: the base of every link the API hands out. */
export const appUrl = () => env().APP_URL.replace(/\/+$/, "");

export interface OpenList {
  county: Awaited<ReturnType<typeof boardCounty>>;
  body: OpenOfferList;
  lastModified: Date;
}

/**
 * One page of the list. A page past the last one is empty (the HTML list shows the last page
 * instead; a client paging on should see the end). Last-Modified is the newest change of the
 * matching offers, counting those that left the list (list-sql.ts offerListStateSql).
 */
export async function openOfferList(query: ListQuery, now = new Date()): Promise<OpenList> {
  const county = await boardCounty();
  const state = offerListStateSql(county.id, query, now);
  const [{ total, last_modified }] = await db().$queryRawUnsafe<[{ total: number; last_modified: Date | null }]>(
    state.text,
    ...state.values,
  );
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const page = query.seite;
  // Read after the state above: the page is never older than its Last-Modified.
  const statement = offerPageSql(county.id, query, now, { offset: (page - 1) * query.pageSize, limit: query.pageSize });
  const rows = page > pages ? [] : await db().$queryRawUnsafe<OfferListRow[]>(statement.text, ...statement.values);
  const body = offerListSchema.parse(openListBody(county, query, { total, page, pages }, rows.map(publicOfferOfRow), appUrl()));
  return { county, body, lastModified: latest([county.createdAt, last_modified]) };
}

/** One offer, decided by publicOffer: null for none (404), "ended" for one no longer listed (410). */
export async function openOfferDetail(
  id: string,
  now = new Date(),
): Promise<{ state: "listed"; body: OpenOffer; lastModified: Date } | { state: "ended" } | null> {
  const found = await publicOffer(id, now);
  if (found?.state !== "listed") return found;
  const { durationDays, keptAt } = found.times;
  const { confirmedAt, expiresAt } = found.offer;
  return {
    state: "listed",
    body: offerSchema.parse(toOpenOffer(found.offer, appUrl())),
    lastModified: confirmedAt && expiresAt ? latest([offerChangedAt({ confirmedAt, expiresAt, durationDays }, now), keptAt]) : now,
  };
}
