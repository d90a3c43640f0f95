import "server-only";
import { dateToDay } from "../../dates";
import { db, type Prisma } from "../../db/client";
import { env } from "../../env";
import { boardCounty } from "../board";
import { listedWhere } from "../lifecycle";
import { offerFilterWhere, offerListOrder, PUBLIC_FIELDS, publicOffer, type PublicOffer } from "../queries";
import { latest, offerChangedAt } from "./etag";
import { listQueryString, offerListSchema, offerSchema, type ListQuery, type OpenOffer, type OpenOfferList } from "./schemas";

// The public list for the open-data API: the same filters and order as listPublicOffers (shared
// from lib/offers/queries.ts), with a page size of the client's choice and the instant of the
// latest change.

/** The public fields and the phone, to publish it where the offerer chose to. Never the e-mail. */
const OPEN_FIELDS = { ...PUBLIC_FIELDS, contactPhone: true } satisfies Prisma.HousingOfferSelect;

/** APP_URL without a trailing slash: the base of every link the API hands out. */
export const appUrl = () => env().APP_URL.replace(/\/+$/, "");

/** Listed offers always have both (the status CHECK constraint). */
const instant = (date: Date | null) => {
  if (!date) throw new Error("A listed offer without confirmation or expiry.");
  return date.toISOString();
};

export function toOpenOffer(offer: PublicOffer, base: string): OpenOffer {
  return {
    id: offer.id,
    url: `${base}/de/angebote/${offer.id}`,
    type: offer.type,
    municipality: { name: offer.municipality.name, slug: offer.municipality.slug },
    postalCode: offer.postalCode,
    district: offer.district,
    persons: offer.persons,
    rooms: offer.rooms,
    sizeSqm: offer.sizeSqm,
    availableFrom: dateToDay(offer.availableFrom),
    availableUntil: offer.availableUntil ? dateToDay(offer.availableUntil) : null,
    warmRentEuros: offer.warmRentEuros,
    freeOfCharge: offer.freeOfCharge,
    furnished: offer.furnished,
    barrierFree: offer.barrierFree,
    petsAllowed: offer.petsAllowed,
    languages: offer.languages,
    description: offer.description,
    phone: offer.phone,
    demo: offer.isDemo,
    expiresAt: instant(offer.expiresAt),
    confirmedAt: instant(offer.confirmedAt),
  };
}

export interface OpenList {
  county: Awaited<ReturnType<typeof boardCounty>>;
  body: OpenOfferList;
  lastModified: Date;
}

/**
 * One page of the list. A page past the last one is empty (the HTML list shows the last page
 * instead; a client paging on should see the end). Last-Modified is the newest change of the
 * matching offers, counting those that left the list: ended ones at their end, expired ones at
 * their expiry.
 */
export async function openOfferList(query: ListQuery, now = new Date()): Promise<OpenList> {
  const county = await boardCounty();
  const matching = await offerFilterWhere(county.id, query, now);
  const listed: Prisma.HousingOfferWhereInput = { AND: [matching, listedWhere(now)] };
  const [times, ended, expired, hidden] = await Promise.all([
    db().housingOffer.findMany({ where: listed, select: { confirmedAt: true, expiresAt: true, durationDays: true, keptAt: true } }),
    db().housingOffer.aggregate({
      where: { AND: [matching, { status: { in: ["PLACED", "DELETED"] }, confirmedAt: { not: null } }] },
      _max: { endedAt: true },
    }),
    db().housingOffer.aggregate({
      where: { AND: [matching, { status: "PUBLISHED", expiresAt: { lte: now } }] },
      _max: { expiresAt: true },
    }),
    // Offers the stale-offer check hid (lib/offers/stale.ts) left the list then.
    db().housingOffer.aggregate({
      where: { AND: [matching, { status: "PUBLISHED", staleHiddenAt: { not: null } }] },
      _max: { staleHiddenAt: true },
    }),
  ]);
  // A keep ("noch aktuell") brings a hidden offer back and an extension stores its time there too.
  const changes = times.map(({ confirmedAt, expiresAt, durationDays, keptAt }) =>
    confirmedAt && expiresAt ? latest([offerChangedAt({ confirmedAt, expiresAt, durationDays }, now), keptAt]) : now,
  );
  const total = times.length;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const page = query.seite;
  // Read after the times above: the page is never older than its Last-Modified.
  const rows =
    page > pages
      ? []
      : await db().housingOffer.findMany({
          where: listed,
          select: OPEN_FIELDS,
          orderBy: offerListOrder(query.sortierung),
          skip: (page - 1) * query.pageSize,
          take: query.pageSize,
        });
  const base = appUrl();
  const link = (target: number) => `${base}/api/v1/offers${listQueryString({ ...query, seite: target })}`;
  const body = offerListSchema.parse({
    county: { name: county.name, slug: county.slug },
    total,
    page,
    pages,
    pageSize: query.pageSize,
    offers: rows.map(({ contactPhone, ...row }) => toOpenOffer({ ...row, phone: row.publishPhone ? contactPhone : null }, base)),
    links: { self: link(page), next: page < pages ? link(page + 1) : null, prev: page > 1 ? link(Math.min(page - 1, pages)) : null },
  });
  return {
    county,
    body,
    lastModified: latest([county.createdAt, ...changes, ended._max.endedAt, expired._max.expiresAt, hidden._max.staleHiddenAt]),
  };
}

/** One offer, decided by publicOffer: null for none (404), "ended" for one no longer listed (410). */
export async function openOfferDetail(
  id: string,
  now = new Date(),
): Promise<{ state: "listed"; body: OpenOffer; lastModified: Date } | { state: "ended" } | null> {
  const found = await publicOffer(id, now);
  if (found?.state !== "listed") return found;
  const { durationDays, keptAt } = await db().housingOffer.findUniqueOrThrow({
    where: { id },
    select: { durationDays: true, keptAt: true },
  });
  const { confirmedAt, expiresAt } = found.offer;
  return {
    state: "listed",
    body: offerSchema.parse(toOpenOffer(found.offer, appUrl())),
    lastModified: confirmedAt && expiresAt ? latest([offerChangedAt({ confirmedAt, expiresAt, durationDays }, now), keptAt]) : now,
  };
}
