import { dateToDay } from "../../dates";
import type { PublicOffer } from "../queries";
import { listQueryString, type ListQuery, type OpenOffer, type OpenOfferList } from "./schemas";

// An offer as the open-data API shows it. Pure, so the benchmark's floor server
// (scripts/bench/floor-server.ts) answers with the very same JSON.

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

/** The list's body (before the schema's parse, which the app adds): offers, counts and links. */
export function openListBody(
  county: { name: string; slug: string },
  query: ListQuery,
  counts: { total: number; page: number; pages: number },
  offers: PublicOffer[],
  base: string,
): OpenOfferList {
  const { total, page, pages } = counts;
  const link = (target: number) => `${base}/api/v1/offers${listQueryString({ ...query, seite: target })}`;
  return {
    county: { name: county.name, slug: county.slug },
    total,
    page,
    pages,
    pageSize: query.pageSize,
    offers: offers.map((offer) => toOpenOffer(offer, base)),
    links: { self: link(page), next: page < pages ? link(page + 1) : null, prev: page > 1 ? link(Math.min(page - 1, pages)) : null },
  };
}
