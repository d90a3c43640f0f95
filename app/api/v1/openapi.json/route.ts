import { JSON_TYPE, openDataRoute, preflight, representation } from "@/lib/offers/open-data/http";
import { openApiDocument } from "@/lib/offers/open-data/openapi";
import { appUrl } from "@/lib/offers/open-data/queries";

/** GET /api/v1/openapi.json: the open-data API's description, generated from its zod schemas. */
export const GET = openDataRoute((request: Request) =>
  Promise.resolve(representation(request, JSON.stringify(openApiDocument(appUrl())), JSON_TYPE)),
);

export const OPTIONS = openDataRoute(preflight);
