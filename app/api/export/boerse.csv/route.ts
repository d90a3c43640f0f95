import { requireActor } from "@/lib/auth/session";
import { boardWeeksCsvResponse } from "@/lib/board-stats/export";
import { guardedJsonRoute } from "@/lib/http/request-guard";

/** GET /api/export/boerse.csv: the board's figures per week (last 12 weeks), counts only. */
export const GET = guardedJsonRoute(async () => {
  const actor = await requireActor("export:read");
  return boardWeeksCsvResponse(actor);
});
