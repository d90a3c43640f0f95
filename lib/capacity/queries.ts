import "server-only";
import { cache } from "react";
import { type Actor, can, writableMunicipalities } from "../auth/actor";
import { dateToDay } from "../dates";
import { db } from "../db/client";
import type { CountyEvaluation } from "./evaluation";
import { evaluateAsOf } from "./latest-reports";
import { evaluationReportOf } from "./report-row";

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
  // `reported`: municipalities with a report on or before the date (0: nothing to plot yet).
  return evaluations.map((evaluation) => ({
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
