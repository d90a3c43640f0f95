import "server-only";
import { db, Prisma } from "../db/client";
import { boardCounty } from "./board";
import type { OfferFilters } from "./filters";
import { PAGE_SIZE } from "./filters";
import { isListed, listedWhere } from "./lifecycle";
import { offerCountSql, offerPageSql, publicOfferOfRow, type OfferListRow } from "./list-sql";

// What seekers see. The select (and the list's SQL, list-sql.ts) names public fields only: the
// offerer's e-mail address is never read here, and the phone only when the offerer chose to
// publish it.

export const PUBLIC_FIELDS = {
  id: true,
  type: true,
  postalCode: true,
  district: true,
  persons: true,
  rooms: true,
  sizeSqm: true,
  availableFrom: true,
  availableUntil: true,
  warmRentEuros: true,
  freeOfCharge: true,
  furnished: true,
  barrierFree: true,
  petsAllowed: true,
  languages: true,
  description: true,
  expiresAt: true,
  confirmedAt: true,
  isDemo: true,
  publishPhone: true,
  municipality: { select: { id: true, name: true, slug: true } },
} satisfies Prisma.HousingOfferSelect;

export type PublicOffer = Prisma.HousingOfferGetPayload<{ select: typeof PUBLIC_FIELDS }> & { phone: string | null };

export async function listPublicOffers(filters: OfferFilters, now = new Date()) {
  const county = await boardCounty();
  const count = offerCountSql(county.id, filters, now);
  const [{ total }] = await db().$queryRawUnsafe<[{ total: number }]>(count.text, ...count.values);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end (an old link) shows the last page rather than nothing.
  const page = Math.min(filters.seite, pages);
  const statement = offerPageSql(county.id, filters, now, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const rows = await db().$queryRawUnsafe<OfferListRow[]>(statement.text, ...statement.values);
  return { county, total, pages, page, offers: rows.map(publicOfferOfRow) };
}

function toPublic(row: Prisma.HousingOfferGetPayload<{ select: typeof PUBLIC_FIELDS & { contactPhone: true } }>): PublicOffer {
  const { contactPhone, ...offer } = row;
  return { ...offer, phone: row.publishPhone ? contactPhone : null };
}

/**
 * A listed offer, with the times the open-data API dates it by; "ended" for one that exists but
 * is no longer listed (410), null for none.
 */
export async function publicOffer(
  id: string,
  now = new Date(),
): Promise<{ state: "listed"; offer: PublicOffer; times: { durationDays: number; keptAt: Date | null } } | { state: "ended" } | null> {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
  const county = await boardCounty();
  const row = await db().housingOffer.findFirst({
    where: { id, countyId: county.id },
    select: {
      ...PUBLIC_FIELDS,
      contactPhone: true,
      status: true,
      createdAt: true,
      endedAt: true,
      staleHiddenAt: true,
      durationDays: true,
      keptAt: true,
    },
  });
  if (!row) return null;
  // A hidden offer (unanswered stale check) answers like an ended one until its offerer keeps it.
  if (!isListed(row, now)) return { state: "ended" };
  const { status: _status, createdAt: _createdAt, endedAt: _endedAt, staleHiddenAt: _hidden, durationDays, keptAt, ...offer } = row;
  return { state: "listed", offer: toPublic(offer), times: { durationDays, keptAt } };
}

/** Counts for the home page: listed offers and the persons they can house. */
export async function boardSummary(now = new Date()) {
  const county = await boardCounty();
  const summary = await db().housingOffer.aggregate({
    where: { countyId: county.id, ...listedWhere(now) },
    _count: true,
    _sum: { persons: true },
  });
  return { county, offers: summary._count, persons: summary._sum.persons ?? 0 };
}
