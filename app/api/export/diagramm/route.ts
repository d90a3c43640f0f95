import { requireActor } from "@/lib/auth/session";
import { chartResponse } from "@/lib/exports/chart-export";
import { guardedJsonRoute } from "@/lib/http/request-guard";

/** GET /api/export/diagramm?stand=YYYY-MM-DD&chart=bedarf|verlauf&format=svg|png: a chart for publication. */
export const GET = guardedJsonRoute(async (request: Request) => {
  const actor = await requireActor("export:read");
  const params = new URL(request.url).searchParams;
  return chartResponse(actor, params.get("stand"), params.get("chart"), params.get("format"));
});
