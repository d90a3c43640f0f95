import { z } from "zod";
import { isRealDay } from "../dates";
import { OFFER_TYPES } from "./schema";

// The list's filter state lives in the URL (a plain GET form works without JavaScript). Anything
// unreadable is dropped rather than answered with an error: a shared link with a stale filter
// still shows offers.

export const SORTS = ["neu", "frei", "miete"] as const;
export type OfferSort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

export const offerFiltersSchema = z.object({
  gemeinde: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/)),
  art: optional(z.enum(OFFER_TYPES)),
  personen: optional(z.coerce.number().int().min(1).max(50)),
  miete: optional(z.coerce.number().int().min(0).max(20000)),
  ab: optional(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(isRealDay),
  ),
  barrierefrei: optional(z.literal("1")),
  haustiere: optional(z.literal("1")),
  /** "Kosten werden übernommen (unter Obergrenze)": free, or at most the county's rent ceiling. */
  kosten: optional(z.literal("1")),
  sortierung: z.enum(SORTS).catch("neu"),
  seite: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type OfferFilters = z.infer<typeof offerFiltersSchema>;

/** Reads Next's searchParams (a value may arrive as an array). */
export function parseOfferFilters(searchParams: Record<string, string | string[] | undefined>): OfferFilters {
  const first = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return offerFiltersSchema.parse(first);
}

/** The URL query for filters (defaults left out), e.g. for pagination and the language switch. */
export function filtersToQuery(filters: Partial<OfferFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || (key === "sortierung" && value === "neu") || (key === "seite" && value === 1)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
