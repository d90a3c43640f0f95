import "server-only";
import { cache } from "react";
import { type Actor, can, writableMunicipalities } from "../auth/actor";
import { dateToDay } from "../dates";
import { db, Prisma } from "../db/client";
import { evaluateCounty, type CountyEvaluation, type MunicipalityReportInput } from "./evaluation";
import type { Figures, Situation } from "./figures";
import { evaluationReportOf } from "./report-row";

// Reads for the intranet. Every function takes the acting user and limits the query to the
// actor's county; a role without the permission gets nothing.

const countyById = cache((id: string) => db().county.findUniqueOrThrow({ where: { id } }));

/** The actor's county; read once per request however many parts of the page ask. */
export async function countyOf(actor: Actor) {
  return countyById(actor.countyId);
}

/** Every municipality of the actor's county with its latest report (by reporting date). */
export async function listMunicipalitiesWithLatestReport(actor: Actor) {
  if (!can(actor, "evaluation:read")) return [];
  const municipalities = await db().municipality.findMany({
    where: { countyId: actor.countyId },
    orderBy: { name: "asc" },
    include: {
      reports: {
        orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { reportingDate: true, situation: true },
      },
    },
  });
  return municipalities.map((municipality) => ({
    id: municipality.id,
    name: municipality.name,
    slug: municipality.slug,
    latestReportingDate: municipality.reports[0] ? dateToDay(municipality.reports[0].reportingDate) : null,
    situation: municipality.reports[0]?.situation ?? null,
  }));
}

interface LatestRow {
  municipality_id: string;
  name: string;
  slug: string;
  report_id: string | null;
  reporting_date: Date | null;
  situation: Situation | null;
  allocations: number | null;
  arrivals: number | null;
  not_credited: number | null;
  possibly_credited: number | null;
  quota_outstanding: number | null;
  housed_shared: number | null;
  housed_decentral: number | null;
  available_shared: number | null;
  available_decentral: number | null;
  prospective_shared: number | null;
  prospective_decentral: number | null;
}

/**
 * Each municipality's latest report on or before each date: one index probe per municipality
 * and date (capacity_report_municipality_id_reporting_date_created_at_idx).
 */
export const LATEST_REPORTS_SQL = (countyIds: string[], dates: string[]) => Prisma.sql`
  SELECT d.day::text AS as_of, m.id AS municipality_id, m.name, m.slug,
         r.id AS report_id, r.reporting_date, r.situation::text AS situation,
         r.allocations, r.arrivals, r.not_credited, r.possibly_credited, r.quota_outstanding,
         r.housed_shared, r.housed_decentral, r.available_shared, r.available_decentral,
         r.prospective_shared, r.prospective_decentral
    FROM unnest(${dates}::date[]) AS d(day)
   CROSS JOIN municipality m
    LEFT JOIN LATERAL (
         SELECT * FROM capacity_report r
          WHERE r.municipality_id = m.id AND r.reporting_date <= d.day
          ORDER BY r.reporting_date DESC, r.created_at DESC
          LIMIT 1) r ON true
   WHERE m.county_id = ANY(${countyIds}::text[])`;

function toInput(row: LatestRow): MunicipalityReportInput {
  const figures: Figures = {
    allocations: row.allocations,
    arrivals: row.arrivals,
    notCredited: row.not_credited,
    possiblyCredited: row.possibly_credited,
    quotaOutstanding: row.quota_outstanding,
    housedShared: row.housed_shared,
    housedDecentral: row.housed_decentral,
    availableShared: row.available_shared,
    availableDecentral: row.available_decentral,
    prospectiveShared: row.prospective_shared,
    prospectiveDecentral: row.prospective_decentral,
  };
  return {
    municipalityId: row.municipality_id,
    name: row.name,
    slug: row.slug,
    report:
      row.report_id && row.reporting_date
        ? { id: row.report_id, reportingDate: dateToDay(row.reporting_date), figures, situation: row.situation }
        : null,
  };
}

/** The evaluation of several dates in one query, each date evaluated by the pure module. */
export async function evaluateCountiesAsOf(countyIds: string[], dates: string[], intervalDays: number) {
  const rows = await db().$queryRaw<(LatestRow & { as_of: string })[]>(LATEST_REPORTS_SQL(countyIds, dates));
  return dates.map((asOf) =>
    evaluateCounty(
      rows.filter((row) => row.as_of === asOf).map(toInput),
      { asOf, intervalDays },
    ),
  );
}

export async function loadCountyEvaluation(actor: Actor, asOf: string): Promise<CountyEvaluation | null> {
  if (!can(actor, "evaluation:read")) return null;
  const county = await countyOf(actor);
  const [evaluation] = await evaluateCountiesAsOf([county.id], [asOf], county.reportingIntervalDays);
  return evaluation!;
}

/** County totals at each of the given dates, for the trend chart. */
export async function loadCountyTrend(actor: Actor, dates: string[]) {
  if (!can(actor, "evaluation:read")) return [];
  const county = await countyOf(actor);
  const evaluations = await evaluateCountiesAsOf([county.id], dates, county.reportingIntervalDays);
  return evaluations.map((evaluation) => ({ asOf: evaluation.asOf, ...evaluation.totals }));
}

export async function loadMunicipality(actor: Actor, slug: string) {
  if (!can(actor, "evaluation:read")) return null;
  return db().municipality.findFirst({ where: { slug, countyId: actor.countyId } });
}

export async function mayReportFor(actor: Actor, municipalityId: string): Promise<boolean> {
  if (!can(actor, "report:write")) return false;
  return (await db().municipality.count({ where: { AND: [{ id: municipalityId }, writableMunicipalities(actor)] } })) > 0;
}

/** Every report of a municipality, newest reporting date first; superseded rows marked. */
export async function loadReportHistory(actor: Actor, municipalityId: string) {
  if (!can(actor, "evaluation:read")) return [];
  const reports = await db().capacityReport.findMany({
    where: { municipalityId, municipality: { countyId: actor.countyId } },
    orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
    include: { author: { select: { name: true } } },
  });
  const seenDates = new Set<string>();
  return reports.map((report) => {
    const day = dateToDay(report.reportingDate);
    // For each reporting date the most recently saved row counts; earlier ones were corrected.
    const superseded = seenDates.has(day);
    seenDates.add(day);
    return {
      ...evaluationReportOf(report),
      comment: report.comment,
      warningNote: report.warningNote,
      confirmedWarnings: report.confirmedWarnings,
      createdAt: report.createdAt,
      authorName: report.author?.name ?? null,
      authorRole: report.authorRole,
      superseded,
    };
  });
}

/** What the report form opens with: the latest report's figures and the base for conflicts. */
export async function loadReportForm(actor: Actor, slug: string) {
  const municipality = await db().municipality.findFirst({ where: { AND: [{ slug }, writableMunicipalities(actor)] } });
  if (!municipality) return null;
  const [latestByDate, latestSaved] = await Promise.all([
    db().capacityReport.findFirst({
      where: { municipalityId: municipality.id },
      orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
    }),
    db().capacityReport.findFirst({ where: { municipalityId: municipality.id }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    municipality,
    prefill: latestByDate ? { ...evaluationReportOf(latestByDate), comment: latestByDate.comment } : null,
    baseReportId: latestSaved?.id ?? null,
  };
}

