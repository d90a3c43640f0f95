import { Prisma, type PrismaClient } from "../db/client";
import { dateToDay } from "../dates";
import { evaluateCounty, type CountyEvaluation } from "./evaluation";
import type { FigureKey, Situation } from "./figures";
import { figuresOf } from "./report-row";
import { MIN_DAY } from "../validation";

// Each municipality's latest report on or before a date: the one query behind every evaluation
// (pages, reminders, benchmark). It takes the Prisma client, so jobs and scripts can use it too;
// callers in the app limit countyIds to the actor's county.

type LatestRow = { [K in FigureKey]: number | null } & {
  asOf: string;
  municipalityId: string;
  name: string;
  slug: string;
  reportId: string | null;
  reportingDate: Date | null;
  situation: Situation | null;
};

/** The twelve figures of a report aliased `r`, named as in `Figures`. */
export const REPORT_FIGURE_COLUMNS = Prisma.sql`
  r.allocations, r.arrivals, r.not_credited AS "notCredited", r.possibly_credited AS "possiblyCredited",
  r.quota_outstanding AS "quotaOutstanding", r.housed_shared AS "housedShared",
  r.housed_decentral AS "housedDecentral", r.available_shared AS "availableShared",
  r.available_decentral AS "availableDecentral", r.prospective_shared AS "prospectiveShared",
  r.prospective_decentral AS "prospectiveDecentral"`;

/** One backward index probe per municipality and date (capacity_report_municipality_id_reporting_date_created_at_idx). */
export const LATEST_REPORTS_SQL = (countyIds: string[], dates: string[]) => Prisma.sql`
  SELECT d.day::text AS "asOf", m.id AS "municipalityId", m.name, m.slug,
         r.id AS "reportId", r.reporting_date AS "reportingDate", r.situation::text AS situation,
         ${REPORT_FIGURE_COLUMNS}
    FROM unnest(${dates}::date[]) AS d(day)
   CROSS JOIN municipality m
    LEFT JOIN LATERAL (
         SELECT * FROM capacity_report r
          WHERE r.municipality_id = m.id AND r.reporting_date <= d.day AND r.reporting_date >= ${MIN_DAY}::date
          ORDER BY r.reporting_date DESC, r.created_at DESC
          LIMIT 1) r ON true
   WHERE m.county_id = ANY(${countyIds}::text[])`;

/** The evaluation at each date, from one query, each date evaluated by the pure module. */
export async function evaluateAsOf(
  prisma: PrismaClient,
  countyIds: string[],
  dates: string[],
  intervalDays: number,
): Promise<CountyEvaluation[]> {
  const rows = await prisma.$queryRaw<LatestRow[]>(LATEST_REPORTS_SQL(countyIds, dates));
  return dates.map((asOf) =>
    evaluateCounty(
      rows
        .filter((row) => row.asOf === asOf)
        .map((row) => ({
          municipalityId: row.municipalityId,
          name: row.name,
          slug: row.slug,
          report:
            row.reportId && row.reportingDate
              ? { id: row.reportId, reportingDate: dateToDay(row.reportingDate), figures: figuresOf(row), situation: row.situation }
              : null,
        })),
      { asOf, intervalDays },
    ),
  );
}
