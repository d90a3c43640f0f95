import "server-only";
import type { Actor } from "../auth/actor";
import { countyOf } from "../capacity/queries";
import { berlinDay } from "../dates";
import { slugify } from "../demo/county-csv";
import { download, recordExport } from "../exports/service";
import { boardWeeksCsv } from "./csv";
import { loadBoardWeeks } from "./queries";

/** GET /api/export/boerse.csv: the weekly figures as a download, recorded like every export. */
export async function boardWeeksCsvResponse(actor: Actor, now = new Date()): Promise<Response> {
  const [rows, county] = await Promise.all([loadBoardWeeks(actor, now), countyOf(actor)]);
  const stand = berlinDay(now);
  await recordExport(actor, { stand }, "csv", { table: "boerse" });
  return new Response(boardWeeksCsv(rows), {
    headers: download(`boerse-${slugify(county.name)}-${stand}.csv`, "text/csv; charset=utf-8"),
  });
}
