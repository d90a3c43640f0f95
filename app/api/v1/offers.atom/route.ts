import { ATOM_TYPE, atomFeed, FEED_SIZE } from "@/lib/offers/open-data/atom";
import { openDataRoute, preflight, representation } from "@/lib/offers/open-data/http";
import { appUrl } from "@/lib/offers/open-data/queries";
import { listQuerySchema } from "@/lib/offers/open-data/schemas";
import { cachedOpenOfferList } from "@/lib/offers/public-cache";

/** GET /api/v1/offers.atom: the newest listed offers as an Atom feed. */
export const GET = openDataRoute(async (request: Request) => {
  const { county, body, lastModified } = await cachedOpenOfferList(listQuerySchema.parse({ pageSize: FEED_SIZE }));
  const xml = atomFeed({ base: appUrl(), county, offers: body.offers });
  return representation(request, xml, ATOM_TYPE, lastModified);
});

export const OPTIONS = openDataRoute(preflight);
