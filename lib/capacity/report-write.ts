import "server-only";
import { type Actor, writableMunicipalities } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { dateToDay, dayToDate } from "../dates";
import type { Prisma } from "../db/client";
import { forbidden, notFound } from "../errors";
import type { Figures, Situation } from "./figures";
import type { ConfirmedReport } from "./plausibility";
import { COUNTED_REPORT, figuresOf } from "./report-row";

// The steps every way of saving a report shares (the form, "Unverändert melden", the JSON API),
// so the access rule, the lock and the conflict check cannot drift apart between them.

type Tx = Prisma.TransactionClient;

export interface NewerReport {
  id: string;
  reportingDate: string;
  figures: Figures;
  situation: Situation | null;
  comment: string | null;
  authorName: string | null;
  createdAt: string;
}

/**
 * The municipality, found among those the actor may write (a clerk: only its own), locked for the
 * rest of the transaction: concurrent submissions queue here, and each sees what the one before
 * it saved.
 */
export async function lockWritableMunicipality(tx: Tx, actor: Actor, slug: string) {
  // AND, not a spread: the access rule must never be overwritten by a key of the lookup.
  const municipality = await tx.municipality.findFirst({ where: { AND: [{ slug }, writableMunicipalities(actor)] } });
  if (!municipality) {
    const exists = await tx.municipality.count({ where: { slug, countyId: actor.countyId } });
    throw exists ? forbidden("Für diese Kommune dürfen Sie keine Zahlen melden.") : notFound("Diese Kommune gibt es nicht.");
  }
  await tx.$queryRaw`SELECT id FROM municipality WHERE id = ${municipality.id} FOR UPDATE`;
  return municipality;
}

/** The report saved after the one the author saw, if any: saving now would lose its update. */
export async function newerReportThan(tx: Tx, municipalityId: string, baseReportId: string | null): Promise<NewerReport | null> {
  const latestSaved = await tx.capacityReport.findFirst({
    where: { municipalityId, ...COUNTED_REPORT },
    orderBy: { createdAt: "desc" },
    include: { author: { select: { name: true } } },
  });
  if (!latestSaved || latestSaved.id === baseReportId) return null;
  return {
    id: latestSaved.id,
    reportingDate: dateToDay(latestSaved.reportingDate),
    figures: figuresOf(latestSaved),
    situation: latestSaved.situation,
    comment: latestSaved.comment,
    authorName: latestSaved.author?.name ?? null,
    createdAt: latestSaved.createdAt.toISOString(),
  };
}

/** The report in effect on a day: the latest reporting date on or before it, its last save. */
export async function reportInEffect(
  tx: Tx,
  municipalityId: string,
  day: string,
): Promise<(ConfirmedReport & { id: string; reportingDate: string; warningNote: string | null }) | null> {
  const row = await tx.capacityReport.findFirst({
    where: { municipalityId, AND: [COUNTED_REPORT, { reportingDate: { lte: dayToDate(day) } }] },
    orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
  });
  if (!row) return null;
  return {
    id: row.id,
    reportingDate: dateToDay(row.reportingDate),
    figures: figuresOf(row),
    situation: row.situation,
    confirmedWarnings: row.confirmedWarnings,
    warningNote: row.warningNote,
  };
}

/** Inserts the report and its audit entry; the caller has checked access, conflict and warnings. */
export async function insertReport(
  tx: Tx,
  actor: Actor,
  municipality: { id: string; slug: string; countyId: string },
  report: {
    reportingDate: string;
    figures: Figures;
    situation: Situation | null;
    comment: string | null;
    baseReportId: string | null;
    confirmedWarnings: string[];
    warningNote: string | null;
    unchanged: boolean;
  },
) {
  const created = await tx.capacityReport.create({
    data: {
      ...report.figures,
      municipalityId: municipality.id,
      reportingDate: dayToDate(report.reportingDate),
      situation: report.situation,
      comment: report.comment,
      baseReportId: report.baseReportId,
      confirmedWarnings: report.confirmedWarnings,
      warningNote: report.warningNote,
      unchanged: report.unchanged,
      authorId: actor.id,
      authorRole: actor.role,
    },
  });
  await recordAudit(tx, {
    countyId: municipality.countyId,
    actorId: actor.id,
    action: "report.create",
    subjectType: "CapacityReport",
    subjectId: created.id,
    after: {
      municipality: municipality.slug,
      reportingDate: report.reportingDate,
      ...report.figures,
      situation: report.situation,
      confirmedWarnings: report.confirmedWarnings,
      unchanged: report.unchanged,
      onBehalf: actor.role !== "CLERK",
    },
  });
  return created;
}
