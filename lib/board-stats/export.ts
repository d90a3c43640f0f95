import "server-only";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { countyOf } from "../capacity/queries";
import { berlinDay } from "../dates";
import { db } from "../db/client";
import { slugify } from "../demo/county-csv";
import { boardWeeksCsv } from "./csv";
import { loadBoardWeeks } from "./queries";

/** GET /api/export/boerse.csv: the weekly figures as a download, recorded like every export. */
export async function boardWeeksCsvResponse(actor: Actor, now = new Date()): Promise<Response> {
  const [rows, county] = await Promise.all([loadBoardWeeks(actor, now), countyOf(actor)]);
  const stand = berlinDay(now);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "export.created",
      subjectType: "County",
      subjectId: actor.countyId,
      after: { format: "csv", table: "boerse", stand },
    }),
  );
  return new Response(boardWeeksCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="boerse-${slugify(county.name)}-${stand}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
