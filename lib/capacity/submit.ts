import "server-only";
import { type Actor, can } from "../auth/actor";
import { berlinDay } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { FIGURE_KEYS, type Figures } from "./figures";
import { plausibilityWarnings, splitRepeatedWarnings, unconfirmedWarnings, type PlausibilityWarning } from "./plausibility";
import { reportInputSchema } from "./report-schema";
import { insertReport, lockWritableMunicipality, newerReportThan, reportInEffect, type NewerReport } from "./report-write";
import { slugSchema } from "../validation";

export type { NewerReport } from "./report-write";

export type SubmitResult =
  | { status: "saved"; reportId: string; reportingDate: string }
  /** Plausibility warnings that need a confirmation and an explanation first; nothing saved. */
  | { status: "warnings"; warnings: PlausibilityWarning[] }
  /** Someone saved a report after the form was opened; nothing saved. */
  | { status: "conflict"; newer: NewerReport };

/** A slug arrives as a bound argument or a URL segment: only slug characters are looked up. */
export function parseSlug(municipalitySlug: unknown): string {
  const slug = slugSchema.safeParse(municipalitySlug);
  if (!slug.success) throw notFound("Diese Kommune gibt es nicht.");
  return slug.data;
}

/**
 * Saves a municipality's report as a new row. The municipality is found among those the actor
 * may write (a clerk: only its own), so another municipality's slug matches nothing.
 */
export async function submitCapacityReport(actor: Actor, municipalitySlug: unknown, rawInput: unknown): Promise<SubmitResult> {
  if (!can(actor, "report:write")) throw forbidden();
  const slug = parseSlug(municipalitySlug);
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
    const municipality = await lockWritableMunicipality(tx, actor, slug);
    const newer = await newerReportThan(tx, municipality.id, input.baseReportId);
    if (newer) return { status: "conflict" as const, newer };

    const previous = await reportInEffect(tx, municipality.id, input.reportingDate);
    const current = { figures, situation: input.situation };
    const { raised, carried } = splitRepeatedWarnings(plausibilityWarnings(current, previous?.figures ?? null), current, previous);
    if (unconfirmedWarnings(raised, input.confirmedWarnings).length || (raised.length && !input.warningNote)) {
      return { status: "warnings" as const, warnings: raised };
    }

    const report = await insertReport(tx, actor, municipality, {
      reportingDate: input.reportingDate,
      figures,
      situation: input.situation,
      comment: input.comment,
      baseReportId: input.baseReportId,
      // A confirmation carried over keeps its explanation, so the next report can carry it too.
      confirmedWarnings: [...raised, ...carried].map((warning) => warning.code),
      warningNote: raised.length ? input.warningNote : carried.length ? (previous?.warningNote ?? null) : null,
      unchanged: false,
    });
    return { status: "saved" as const, reportId: report.id, reportingDate: input.reportingDate };
  });
}
