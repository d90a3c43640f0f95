import { requireActor } from "@/lib/auth/session";
import { csvResponse } from "@/lib/exports/service";
import { guardedJsonRoute } from "@/lib/http/request-guard";

/** GET /api/export/lage.csv?stand=YYYY-MM-DD&table=uebersicht|auswertung|verlauf */
export const GET = guardedJsonRoute(async (request: Request) => {
  const actor = await requireActor("export:read");
  const params = new URL(request.url).searchParams;
  return csvResponse(actor, params.get("stand"), params.get("table"));
});
