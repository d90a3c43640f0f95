import { JSON_TYPE, openDataRoute, preflight, representation } from "@/lib/offers/open-data/http";
import { parseListQuery } from "@/lib/offers/open-data/schemas";
import { cachedOpenOfferList } from "@/lib/offers/public-cache";

/** GET /api/v1/offers: the board's listed offers, filtered like the public list and paged (see /api/v1/openapi.json). */
export const GET = openDataRoute(async (request: Request) => {
  const query = parseListQuery(new URL(request.url).searchParams);
  const { body, lastModified } = await cachedOpenOfferList(query);
  return representation(request, JSON.stringify(body), JSON_TYPE, lastModified);
});

export const OPTIONS = openDataRoute(preflight);
