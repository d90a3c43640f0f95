import "server-only";
import { type Actor, can, writableMunicipalities } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { berlinDay, dateToDay, dayToDate } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { FIGURE_KEYS } from "./figures";
import { reportInputSchema } from "./report-schema";

export async function createCapacityReport(actor: Actor, municipalitySlug: string, rawInput: unknown) {
  if (!can(actor, "report:write")) throw forbidden();
  const parsed = reportInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", fieldErrors);
  }
  const input = parsed.data;
  if (input.reportingDate > berlinDay()) {
    throw new AppError("VALIDATION", "Das Meldedatum darf nicht in der Zukunft liegen.", {
      reportingDate: ["Das Meldedatum darf nicht in der Zukunft liegen."],
    });
  }

  return db().$transaction(async (tx) => {
    // The municipality comes from the record the actor may write, never from the client alone.
    const municipality = await tx.municipality.findFirst({
      where: { slug: municipalitySlug, ...writableMunicipalities(actor) },
    });
    if (!municipality) {
      const exists = await tx.municipality.count({ where: { slug: municipalitySlug, countyId: actor.countyId } });
      throw exists ? forbidden("Für diese Kommune dürfen Sie keine Zahlen melden.") : notFound("Diese Kommune gibt es nicht.");
    }
    const figures = Object.fromEntries(FIGURE_KEYS.map((key) => [key, input[key]]));
    const report = await tx.capacityReport.create({
      data: {
        ...figures,
        municipalityId: municipality.id,
        reportingDate: dayToDate(input.reportingDate),
        situation: input.situation,
        comment: input.comment,
        authorId: actor.id,
      },
    });
    await recordAudit(tx, {
      countyId: municipality.countyId,
      actorId: actor.id,
      action: "report.create",
      subjectType: "CapacityReport",
      subjectId: report.id,
      after: { municipality: municipality.slug, ...figures, reportingDate: input.reportingDate, situation: input.situation },
    });
    return report;
  });
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
        select: { reportingDate: true, situation: true, createdAt: true },
      },
    },
  });
  return municipalities.map((municipality) => {
    const latest = municipality.reports[0];
    return {
      id: municipality.id,
      name: municipality.name,
      slug: municipality.slug,
      latestReportingDate: latest ? dateToDay(latest.reportingDate) : null,
      situation: latest?.situation ?? null,
    };
  });
}

export async function countyOf(actor: Actor) {
  return db().county.findUniqueOrThrow({ where: { id: actor.countyId } });
}
