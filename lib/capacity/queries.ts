import "server-only";
import { cache } from "react";
import { type Actor, can, writableMunicipalities } from "../auth/actor";
import { dateToDay } from "../dates";
import { MIN_DAY } from "../validation";
import { db } from "../db/client";
import type { CountyEvaluation, MunicipalityEvaluation } from "./evaluation";
import type { FigureKey, Situation } from "./figures";
import { plausibilityWarnings, splitRepeatedWarnings } from "./plausibility";
import { reportInEffect } from "./report-write";
import { evaluateAsOf, REPORT_FIGURE_COLUMNS } from "./latest-reports";
import { COUNTED_REPORT, evaluationReportOf } from "./report-row";
import { municipalityOutlook, withOutlook } from "./outlook";
import { loadAllocationReports, outlookSettingsOf } from "./outlook-data";
import { withAgreedHelp } from "./agreed-help";
import { loadCountyPlacements, loadPlacementsRunningOn } from "./agreed-help-data";
import { withBoardOffers } from "./board-offers";
import { loadBoardOffers } from "./board-offers-data";

// Reads for the intranet. Every function takes the acting user and limits the query to the
// actor's county; a role without the permission gets nothing.

const countyById = cache((id: string) => db().county.findUniqueOrThrow({ where: { id } }));

/** The actor's county; read once per request however many parts of the page ask. */
export async function countyOf(actor: Actor) {
  return countyById(actor.countyId);
}

/** The municipalities of the actor's county, by name. */
export async function listMunicipalities(actor: Actor) {
  if (!can(actor, "evaluation:read")) return [];
  return db().municipality.findMany({
    where: { countyId: actor.countyId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true },
  });
}

/** The evaluation of several dates in one query (see latest-reports.ts). */
export function evaluateCountiesAsOf(countyIds: string[], dates: string[], intervalDays: number) {
  return evaluateAsOf(db(), countyIds, dates, intervalDays);
}

/**
 * The evaluation at a date with the agreed help that ran that day (inter-municipal placements), the
 * outlook (weeks until places run out) and the private offers on the board, which pages and
 * exports share.
 */
export async function loadCountyEvaluation(actor: Actor, asOf: string): Promise<CountyEvaluation | null> {
  if (!can(actor, "evaluation:read")) return null;
  const county = await countyOf(actor);
  const settings = outlookSettingsOf(county);
  const [[evaluation], reports, placements, boardOffers] = await Promise.all([
    evaluateCountiesAsOf([county.id], [asOf], county.reportingIntervalDays),
    loadAllocationReports(actor, asOf, settings),
    loadPlacementsRunningOn(county.id, asOf),
    loadBoardOffers(county.id, asOf),
  ]);
  return withBoardOffers(withOutlook(withAgreedHelp(evaluation!, placements), reports, settings), boardOffers);
}

/** One municipality's outlook at a date, from its row of the evaluation (the same function as /lage's). */
export async function loadMunicipalityOutlook(actor: Actor, row: MunicipalityEvaluation, asOf: string) {
  if (!can(actor, "evaluation:read")) return null;
  const settings = outlookSettingsOf(await countyOf(actor));
  const reports = await loadAllocationReports(actor, asOf, settings, row.municipalityId);
  return { settings, outlook: municipalityOutlook(row, reports.get(row.municipalityId) ?? [], asOf, settings) };
}

/** County totals at each of the given dates, for the trend chart. */
export async function loadCountyTrend(actor: Actor, dates: string[]) {
  if (!can(actor, "evaluation:read")) return [];
  const county = await countyOf(actor);
  const [evaluations, placements] = await Promise.all([
    evaluateCountiesAsOf([county.id], dates, county.reportingIntervalDays),
    loadCountyPlacements(county.id),
  ]);
  // Agreed help counted per date as on /lage (it moves the gross shortfall, not the totals).
  // `reported`: municipalities with a report on or before the date (0: nothing to plot yet).
  return evaluations
    .map((unhelped) => withAgreedHelp(unhelped, placements))
    .map((evaluation) => ({
      asOf: evaluation.asOf,
      reported: evaluation.rows.filter((row) => row.reportingDate !== null).length,
      ...evaluation.totals,
    }));
}

export async function loadMunicipality(actor: Actor, slug: string) {
  if (!can(actor, "evaluation:read")) return null;
  return db().municipality.findFirst({ where: { slug, countyId: actor.countyId } });
}

export async function mayReportFor(actor: Actor, municipalityId: string): Promise<boolean> {
  if (!can(actor, "report:write")) return false;
  return (await db().municipality.count({ where: { AND: [{ id: municipalityId }, writableMunicipalities(actor)] } })) > 0;
}

type EffectiveRow = { [K in FigureKey]: number | null } & { id: string; reportingDate: Date; situation: Situation | null };

export const HISTORY_PAGE_SIZE = 20;

/**
 * Reports of a municipality, newest reporting date first (all of them, or one page); a row
 * that a later save for the same date corrected is marked superseded.
 */
export async function loadReportHistory(actor: Actor, municipalityId: string, page?: { page: number; pageSize?: number }) {
  if (!can(actor, "evaluation:read")) return [];
  const where = { municipalityId, municipality: { countyId: actor.countyId }, AND: [COUNTED_REPORT] };
  const pageSize = page?.pageSize ?? HISTORY_PAGE_SIZE;
  const reports = await db().capacityReport.findMany({
    where,
    orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    include: { author: { select: { name: true } } },
    ...(page ? { skip: (page.page - 1) * pageSize, take: pageSize } : {}),
  });
  // The last save of each date counts; it may sit on an earlier page, so ask per date.
  const lastSaves = await db().capacityReport.groupBy({
    by: ["reportingDate"],
    where: {
      ...where,
      reportingDate: { in: [...new Set(reports.map((report) => report.reportingDate.getTime()))].map((time) => new Date(time)) },
    },
    _max: { createdAt: true },
  });
  const lastSaveOf = new Map(lastSaves.map((group) => [dateToDay(group.reportingDate), group._max.createdAt?.getTime()]));
  const counted = new Set<string>();
  return reports.map((report) => {
    const day = dateToDay(report.reportingDate);
    // Two saves in the same millisecond: the first listed counts, as in the evaluation's order.
    const superseded = counted.has(day) || report.createdAt.getTime() !== lastSaveOf.get(day);
    if (!superseded) counted.add(day);
    return {
      ...evaluationReportOf(report),
      comment: report.comment,
      warningNote: report.warningNote,
      confirmedWarnings: report.confirmedWarnings,
      unchanged: report.unchanged,
      createdAt: report.createdAt,
      authorName: report.author?.name ?? null,
      authorRole: report.authorRole,
      superseded,
    };
  });
}

export type HistoryEntry = Awaited<ReturnType<typeof loadReportHistory>>[number];

export async function countReports(actor: Actor, municipalityId: string): Promise<number> {
  if (!can(actor, "evaluation:read")) return 0;
  return db().capacityReport.count({ where: { municipalityId, municipality: { countyId: actor.countyId }, AND: [COUNTED_REPORT] } });
}

/** The latest saved report (by time of saving): the base a new report must build on. */
export async function latestSavedReportId(actor: Actor, municipalityId: string): Promise<string | null> {
  if (!can(actor, "evaluation:read")) return null;
  const latest = await db().capacityReport.findFirst({
    where: { municipalityId, municipality: { countyId: actor.countyId }, AND: [COUNTED_REPORT] },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return latest?.id ?? null;
}

/**
 * What "Unverändert melden" would do today for a municipality the actor may report for (null
 * otherwise): the base it builds on, and the warnings the figures raise that nobody confirmed
 * (then the form is needed once).
 */
export async function loadUnchangedOption(actor: Actor, municipalityId: string, today: string) {
  if (!(await mayReportFor(actor, municipalityId))) return null;
  const [latestSavedId, inEffect] = await Promise.all([
    latestSavedReportId(actor, municipalityId),
    reportInEffect(db(), municipalityId, today),
  ]);
  if (!inEffect) return { latestSavedId, pendingWarnings: [] };
  const current = { figures: inEffect.figures, situation: inEffect.situation };
  return {
    latestSavedId,
    pendingWarnings: splitRepeatedWarnings(plausibilityWarnings(current, current.figures), current, inEffect).raised,
  };
}

/** Weeks of the municipality page's trend: about a year. */
export const TREND_WEEKS = 53;

/**
 * The municipality's trend: for each of the last TREND_WEEKS weeks with a report, the report in
 * effect at the week's end (its latest date, last save), oldest first. The last one is the
 * report in effect today. One point per week keeps the page small however often a
 * municipality reports; the history lists every save.
 */
export async function loadWeeklyTrend(actor: Actor, municipalityId: string) {
  if (!can(actor, "evaluation:read")) return [];
  // DISTINCT ON in the database, so a page does not load every correction ever saved. The
  // county condition is the access rule.
  const rows = await db().$queryRaw<EffectiveRow[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (date_trunc('week', r.reporting_date))
             r.id, r.reporting_date AS "reportingDate", r.situation::text AS situation, ${REPORT_FIGURE_COLUMNS}
        FROM capacity_report r JOIN municipality m ON m.id = r.municipality_id
       WHERE r.municipality_id = ${municipalityId} AND m.county_id = ${actor.countyId} AND r.reporting_date >= ${MIN_DAY}::date
       ORDER BY date_trunc('week', r.reporting_date) DESC, r.reporting_date DESC, r.created_at DESC
       LIMIT ${TREND_WEEKS}
    ) weekly ORDER BY "reportingDate" ASC`;
  return rows.map(evaluationReportOf);
}

/** What the report form opens with: the latest report's figures and the base for conflicts. */
export async function loadReportForm(actor: Actor, slug: string) {
  const municipality = await db().municipality.findFirst({ where: { AND: [{ slug }, writableMunicipalities(actor)] } });
  if (!municipality) return null;
  const [latestByDate, latestSaved] = await Promise.all([
    db().capacityReport.findFirst({
      where: { municipalityId: municipality.id, ...COUNTED_REPORT },
      orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
    }),
    db().capacityReport.findFirst({ where: { municipalityId: municipality.id, ...COUNTED_REPORT }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    municipality,
    prefill: latestByDate
      ? { ...evaluationReportOf(latestByDate), comment: latestByDate.comment, confirmedWarnings: latestByDate.confirmedWarnings }
      : null,
    baseReportId: latestSaved?.id ?? null,
  };
}
