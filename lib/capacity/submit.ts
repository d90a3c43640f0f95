import "server-only";
import { type Actor, can, writableMunicipalities } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { berlinDay, dateToDay, dayToDate } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { FIGURE_KEYS, type Figures, type Situation } from "./figures";
import { plausibilityWarnings, unconfirmedWarnings, type PlausibilityWarning } from "./plausibility";
import { figuresOf } from "./report-row";
import { reportInputSchema } from "./report-schema";
import { slugSchema } from "../validation";

export interface NewerReport {
  id: string;
  reportingDate: string;
  figures: Figures;
  situation: Situation | null;
  comment: string | null;
  authorName: string | null;
  createdAt: string;
}

export type SubmitResult =
  | { status: "saved"; reportId: string; reportingDate: string }
  /** Plausibility warnings that need a confirmation and an explanation first; nothing saved. */
  | { status: "warnings"; warnings: PlausibilityWarning[] }
  /** Someone saved a report after the form was opened; nothing saved. */
  | { status: "conflict"; newer: NewerReport };

/**
 * Saves a municipality's report as a new row. The municipality is found among those the actor
 * may write (a clerk: only its own), so another municipality's slug matches nothing.
 */
export async function submitCapacityReport(actor: Actor, municipalitySlug: unknown, rawInput: unknown): Promise<SubmitResult> {
  if (!can(actor, "report:write")) throw forbidden();
  // The slug arrives as a bound argument of a server action or a URL segment: only a string of
  // slug characters is looked up, never an object a replayed request put there.
  const slug = slugSchema.safeParse(municipalitySlug);
  if (!slug.success) throw notFound("Diese Kommune gibt es nicht.");
  const parsed = reportInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(parsed.error.issues));
  const input = parsed.data;
  if (input.reportingDate > berlinDay()) {
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", {
      reportingDate: ["Das Meldedatum darf nicht in der Zukunft liegen."],
    });
  }
  const figures = Object.fromEntries(FIGURE_KEYS.map((key) => [key, input[key]])) as Figures;

  return db().$transaction(async (tx) => {
    // AND, not a spread: the access rule must never be overwritten by a key of the lookup.
    const municipality = await tx.municipality.findFirst({ where: { AND: [{ slug: slug.data }, writableMunicipalities(actor)] } });
    if (!municipality) {
      const exists = await tx.municipality.count({ where: { slug: slug.data, countyId: actor.countyId } });
      throw exists ? forbidden("Für diese Kommune dürfen Sie keine Zahlen melden.") : notFound("Diese Kommune gibt es nicht.");
    }
    // One writer per municipality at a time: concurrent submissions queue here, and each sees
    // what the one before it saved.
    await tx.$queryRaw`SELECT id FROM municipality WHERE id = ${municipality.id} FOR UPDATE`;

    const latestSaved = await tx.capacityReport.findFirst({
      where: { municipalityId: municipality.id },
      orderBy: { createdAt: "desc" },
      include: { author: { select: { name: true } } },
    });
    if ((latestSaved?.id ?? null) !== input.baseReportId && latestSaved) {
      return {
        status: "conflict" as const,
        newer: {
          id: latestSaved.id,
          reportingDate: dateToDay(latestSaved.reportingDate),
          figures: figuresOf(latestSaved),
          situation: latestSaved.situation,
          comment: latestSaved.comment,
          authorName: latestSaved.author?.name ?? null,
          createdAt: latestSaved.createdAt.toISOString(),
        },
      };
    }

    const previous = await tx.capacityReport.findFirst({
      where: { municipalityId: municipality.id, reportingDate: { lte: dayToDate(input.reportingDate) } },
      orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
    });
    const warnings = plausibilityWarnings({ figures, situation: input.situation }, previous ? figuresOf(previous) : null);
    if (unconfirmedWarnings(warnings, input.confirmedWarnings).length || (warnings.length && !input.warningNote)) {
      return { status: "warnings" as const, warnings };
    }

    const report = await tx.capacityReport.create({
      data: {
        ...figures,
        municipalityId: municipality.id,
        reportingDate: dayToDate(input.reportingDate),
        situation: input.situation,
        comment: input.comment,
        baseReportId: input.baseReportId,
        confirmedWarnings: warnings.map((warning) => warning.code),
        warningNote: warnings.length ? input.warningNote : null,
        authorId: actor.id,
        authorRole: actor.role,
      },
    });
    await recordAudit(tx, {
      countyId: municipality.countyId,
      actorId: actor.id,
      action: "report.create",
      subjectType: "CapacityReport",
      subjectId: report.id,
      after: {
        municipality: municipality.slug,
        reportingDate: input.reportingDate,
        ...figures,
        situation: input.situation,
        confirmedWarnings: warnings.map((warning) => warning.code),
        onBehalf: actor.role !== "CLERK",
      },
    });
    return { status: "saved" as const, reportId: report.id, reportingDate: input.reportingDate };
  });
}
