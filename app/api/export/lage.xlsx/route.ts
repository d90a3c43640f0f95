import { requireActor } from "@/lib/auth/session";
import { workbookResponse } from "@/lib/exports/service";
import { guardedJsonRoute } from "@/lib/http/request-guard";

/** GET /api/export/lage.xlsx?stand=YYYY-MM-DD: the evaluation as an Excel workbook. */
export const GET = guardedJsonRoute(async (request: Request) => {
  const actor = await requireActor("export:read");
  return workbookResponse(actor, new URL(request.url).searchParams.get("stand"));
});
