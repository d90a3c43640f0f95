import "server-only";
import { type Actor, can } from "../auth/actor";
import { addDays, dateToDay } from "../dates";
import { db, Prisma } from "../db/client";
import { MIN_DAY } from "../validation";
import { lookbackDays, type AllocationReport, type OutlookSettings } from "./outlook";

// The reports the outlook needs (outlook.ts), for every municipality of the actor's county in one
// query: of each week within the lookback up to the Stand, the report in effect at the week's end
// (latest date, last save), as loadWeeklyTrend takes them. At most 2 × window + 1 rows per
// municipality, read backwards from capacity_report's (municipality_id, reporting_date, created_at) index.

type Row = { municipalityId: string; reportingDate: Date; allocations: number | null };

export function outlookSettingsOf(county: { outlookWindowWeeks: number; outlookWarningWeeks: number }): OutlookSettings {
  return { windowWeeks: county.outlookWindowWeeks, warningWeeks: county.outlookWarningWeeks };
}

/** By municipality id, oldest first. Only reports on or before asOf: a past Stand sees no later report. */
export async function loadAllocationReports(
  actor: Actor,
  asOf: string,
  settings: OutlookSettings,
  municipalityId?: string,
): Promise<Map<string, AllocationReport[]>> {
  const byMunicipality = new Map<string, AllocationReport[]>();
  if (!can(actor, "evaluation:read")) return byMunicipality;
  const after = addDays(asOf, -lookbackDays(settings));
  // The county condition is the access rule; MIN_DAY leaves out rows the database no longer accepts (report-row.ts).
  const rows = await db().$queryRaw<Row[]>`
    SELECT w."municipalityId", w."reportingDate", w.allocations FROM (
      SELECT DISTINCT ON (r.municipality_id, date_trunc('week', r.reporting_date))
             r.municipality_id AS "municipalityId", r.reporting_date AS "reportingDate", r.allocations
        FROM capacity_report r JOIN municipality m ON m.id = r.municipality_id
       WHERE m.county_id = ${actor.countyId}
         ${municipalityId ? Prisma.sql`AND r.municipality_id = ${municipalityId}` : Prisma.empty}
         AND r.reporting_date <= ${asOf}::date AND r.reporting_date > ${after}::date AND r.reporting_date >= ${MIN_DAY}::date
       ORDER BY r.municipality_id, date_trunc('week', r.reporting_date) DESC, r.reporting_date DESC, r.created_at DESC
    ) w ORDER BY w."municipalityId", w."reportingDate"`;
  for (const row of rows) {
    const list = byMunicipality.get(row.municipalityId) ?? [];
    list.push({ reportingDate: dateToDay(row.reportingDate), allocations: row.allocations });
    byMunicipality.set(row.municipalityId, list);
  }
  return byMunicipality;
}
