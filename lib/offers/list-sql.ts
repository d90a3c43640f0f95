import type { OfferFilters } from "./filters";
import type { PublicOffer } from "./queries";
import { EXTEND_DAYS } from "./schema";

// The SQL of the public list, for the HTML list, the open-data API and the benchmark's floor
// server alike (scripts/bench/floor-server.ts runs exactly these statements). Pure: it builds
// text and parameters, the caller runs them. Listed means what lifecycle.ts's listedWhere says:
// published, not expired, not hidden by the stale-offer check.

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/**
 * Instants go in as UTC text, cast to timestamp: the columns are UTC timestamps without a zone, and
 * a Date parameter would be sent in the client's zone by the plain driver.
 */
const instant = (now: Date) => now.toISOString();

export type ListFilters = Omit<OfferFilters, "sortierung" | "seite">;

/** One row of the list: the public fields, the phone only where the offerer published it. */
export interface OfferListRow {
  id: string;
  type: "ROOM" | "FLAT" | "HOUSE" | "SHARED_FLAT_ROOM";
  postal_code: string;
  district: string | null;
  persons: number;
  rooms: number | null;
  size_sqm: number | null;
  available_from: Date;
  available_until: Date | null;
  warm_rent_euros: number | null;
  free_of_charge: boolean;
  furnished: boolean;
  barrier_free: boolean;
  pets_allowed: boolean;
  languages: string[];
  description: string;
  expires_at: Date;
  confirmed_at: Date;
  is_demo: boolean;
  publish_phone: boolean;
  phone: string | null;
  municipality_id: string;
  municipality_name: string;
  municipality_slug: string;
}

const ROW_COLUMNS = `o.id, o.type::text AS type, o.postal_code, o.district, o.persons, o.rooms, o.size_sqm, o.available_from,
  o.available_until, o.warm_rent_euros, o.free_of_charge, o.furnished, o.barrier_free, o.pets_allowed,
  COALESCE(o.languages, '{}') AS languages, o.description, o.expires_at, o.confirmed_at, o.is_demo, o.publish_phone,
  CASE WHEN o.publish_phone THEN o.contact_phone END AS phone,
  m.id AS municipality_id, m.name AS municipality_name, m.slug AS municipality_slug`;

// Ties end at the id, so pages never overlap. "miete": free offers (no rent) first, then by rent.
const ORDER: Record<OfferFilters["sortierung"], string> = {
  neu: "o.confirmed_at DESC, o.id ASC",
  frei: "o.available_from ASC, o.confirmed_at DESC, o.id ASC",
  miete: "o.free_of_charge DESC, o.warm_rent_euros ASC NULLS FIRST, o.id ASC",
};

/**
 * The filter's conditions on `o` (housing_offer), listed or not: the caller adds LISTED. "Kosten
 * werden übernommen" keeps free offers and those at or below the county's rent ceiling for their
 * persons: the ceiling of the largest recorded household size not above them (rent-ceilings.ts).
 */
function filterConditions(countyId: string, filters: ListFilters, values: unknown[]): string[] {
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions = [`o.county_id = ${param(countyId)}`];
  if (filters.gemeinde) {
    conditions.push(`o.municipality_id = (SELECT id FROM municipality WHERE county_id = $1 AND slug = ${param(filters.gemeinde)})`);
  }
  if (filters.art) conditions.push(`o.type = CAST(${param(filters.art)} AS "OfferType")`);
  if (filters.personen) conditions.push(`o.persons >= ${param(filters.personen)}`);
  if (filters.miete !== undefined) conditions.push(`(o.free_of_charge OR o.warm_rent_euros <= ${param(filters.miete)})`);
  if (filters.ab) conditions.push(`o.available_from <= ${param(filters.ab)}::date`);
  if (filters.barrierefrei) conditions.push("o.barrier_free");
  if (filters.haustiere) conditions.push("o.pets_allowed");
  if (filters.kosten) {
    conditions.push(`(o.free_of_charge OR o.warm_rent_euros <= (
      SELECT c.max_warm_rent FROM rent_ceiling c
       WHERE c.municipality_id = o.municipality_id AND c.household_size <= o.persons
       ORDER BY c.household_size DESC LIMIT 1))`);
  }
  return conditions;
}

const listed = (now: string) => `(o.status = 'PUBLISHED' AND o.expires_at > ${now} AND o.stale_hidden_at IS NULL)`;

/** How many listed offers match: `total`. */
export function offerCountSql(countyId: string, filters: ListFilters, now: Date): SqlStatement {
  const values: unknown[] = [];
  const conditions = filterConditions(countyId, filters, values);
  values.push(instant(now));
  return {
    text: `SELECT count(*)::int AS total FROM housing_offer o WHERE ${conditions.join(" AND ")} AND ${listed(`$${values.length}::timestamp`)}`,
    values,
  };
}

/** One page of listed offers that match, in the chosen order: OfferListRow[]. */
export function offerPageSql(
  countyId: string,
  filters: ListFilters & Pick<OfferFilters, "sortierung">,
  now: Date,
  page: { offset: number; limit: number },
): SqlStatement {
  const values: unknown[] = [];
  const conditions = filterConditions(countyId, filters, values);
  values.push(instant(now), page.limit, page.offset);
  const at = values.length;
  return {
    text: `SELECT ${ROW_COLUMNS} FROM housing_offer o JOIN municipality m ON m.id = o.municipality_id
            WHERE ${conditions.join(" AND ")} AND ${listed(`$${at - 2}::timestamp`)}
            ORDER BY ${ORDER[filters.sortierung]} LIMIT $${at - 1} OFFSET $${at}`,
    values,
  };
}

/**
 * For the open-data API: `total` (listed offers that match) and `last_modified`, the newest change
 * among the matching offers, counting those that left the list: ended ones at their end, expired
 * ones at their expiry, hidden ones when hidden. A listed offer changed when it was confirmed;
 * an extension moves only expires_at, to max(expiry, then) + 7 days, so for an expiry other than
 * the confirmed one the change was at or before expires_at − 7 days and not after now (a bound
 * that errs late, never early: etag.ts offerChangedAt); a keep or a later extension is kept_at.
 */
export function offerListStateSql(countyId: string, filters: ListFilters, now: Date): SqlStatement {
  const values: unknown[] = [];
  const conditions = filterConditions(countyId, filters, values);
  values.push(instant(now));
  const at = `$${values.length}::timestamp`;
  return {
    text: `SELECT count(*) FILTER (WHERE ${listed(at)})::int AS total,
              GREATEST(
                max(GREATEST(
                      CASE WHEN o.expires_at = o.confirmed_at + make_interval(days => o.duration_days) THEN o.confirmed_at
                           ELSE GREATEST(o.confirmed_at, LEAST(${at}, o.expires_at - interval '${EXTEND_DAYS} days')) END,
                      o.kept_at)) FILTER (WHERE ${listed(at)}),
                max(o.ended_at) FILTER (WHERE o.status IN ('PLACED', 'DELETED') AND o.confirmed_at IS NOT NULL),
                max(o.expires_at) FILTER (WHERE o.status = 'PUBLISHED' AND o.expires_at <= ${at}),
                max(o.stale_hidden_at) FILTER (WHERE o.status = 'PUBLISHED' AND o.stale_hidden_at IS NOT NULL)
              ) AS last_modified
         FROM housing_offer o WHERE ${conditions.join(" AND ")}`,
    values,
  };
}

/** A row as the pages show an offer (the same shape as the detail's Prisma read). */
export function publicOfferOfRow(row: OfferListRow): PublicOffer {
  return {
    id: row.id,
    type: row.type,
    postalCode: row.postal_code,
    district: row.district,
    persons: row.persons,
    rooms: row.rooms,
    sizeSqm: row.size_sqm,
    availableFrom: row.available_from,
    availableUntil: row.available_until,
    warmRentEuros: row.warm_rent_euros,
    freeOfCharge: row.free_of_charge,
    furnished: row.furnished,
    barrierFree: row.barrier_free,
    petsAllowed: row.pets_allowed,
    languages: row.languages,
    description: row.description,
    expiresAt: row.expires_at,
    confirmedAt: row.confirmed_at,
    isDemo: row.is_demo,
    publishPhone: row.publish_phone,
    phone: row.phone,
    municipality: { id: row.municipality_id, name: row.municipality_name, slug: row.municipality_slug },
  };
}
