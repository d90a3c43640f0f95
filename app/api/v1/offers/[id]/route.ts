import { notFound } from "@/lib/errors";
import { gone, JSON_TYPE, openDataRoute, preflight, representation } from "@/lib/offers/open-data/http";
import { cachedOpenOffer } from "@/lib/offers/public-cache";

/** GET /api/v1/offers/<id>: one listed offer; 404 for none, 410 for one no longer listed. */
export const GET = openDataRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const found = await cachedOpenOffer((await params).id);
  if (!found) throw notFound("Dieses Angebot gibt es nicht.");
  if (found.state === "ended") return gone("Dieses Angebot ist nicht mehr verfügbar.");
  return representation(request, JSON.stringify(found.body), JSON_TYPE, found.lastModified);
});

export const OPTIONS = openDataRoute(preflight);
