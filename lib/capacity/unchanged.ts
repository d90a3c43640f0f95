import "server-only";
import { z } from "zod";
import { type Actor, can } from "../auth/actor";
import { berlinDay } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden } from "../errors";
import { idSchema } from "../validation";
import { plausibilityWarnings, splitRepeatedWarnings, type PlausibilityWarning } from "./plausibility";
import { insertReport, lockWritableMunicipality, newerReportThan, reportInEffect, type NewerReport } from "./report-write";
import { parseSlug } from "./submit";

// "Unverändert melden": when nothing has changed, one click records today's report with the
// previous figures. In the reference county the effort of reporting, not the lack of news, was
// why municipalities fell silent.

export const unchangedInputSchema = z.object({
  /** The latest saved report the page showed: the figures the clerk confirms. */
  baseReportId: idSchema,
});

export type UnchangedResult =
  | { status: "saved"; reportId: string; reportingDate: string }
  /** The previous figures raise warnings nobody confirmed yet: the form must be used. */
  | { status: "warnings"; warnings: PlausibilityWarning[] }
  /** Someone saved a report after the page was opened: the clerk confirmed other figures. */
  | { status: "conflict"; newer: NewerReport };

export async function confirmUnchangedReport(actor: Actor, municipalitySlug: unknown, rawInput: unknown): Promise<UnchangedResult> {
  if (!can(actor, "report:write")) throw forbidden();
  const slug = parseSlug(municipalitySlug);
  const parsed = unchangedInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Die Seite ist veraltet. Bitte laden Sie sie neu.");
  const today = berlinDay();

  return db().$transaction(async (tx) => {
    const municipality = await lockWritableMunicipality(tx, actor, slug);
    const newer = await newerReportThan(tx, municipality.id, parsed.data.baseReportId);
    if (newer) return { status: "conflict" as const, newer };
    const previous = await reportInEffect(tx, municipality.id, today);
    if (!previous) throw new AppError("CONFLICT", "Es gibt noch keine Meldung, die bestätigt werden könnte.");
    if (previous.reportingDate === today) {
      throw new AppError("CONFLICT", "Für heute liegt bereits eine Meldung vor. Änderungen bitte über „Meldung abgeben“.");
    }
    const current = { figures: previous.figures, situation: previous.situation };
    const { raised, carried } = splitRepeatedWarnings(plausibilityWarnings(current, previous.figures), current, previous);
    if (raised.length) return { status: "warnings" as const, warnings: raised };

    const report = await insertReport(tx, actor, municipality, {
      reportingDate: today,
      ...current,
      comment: null,
      baseReportId: parsed.data.baseReportId,
      confirmedWarnings: carried.map((warning) => warning.code),
      warningNote: carried.length ? previous.warningNote : null,
      unchanged: true,
    });
    return { status: "saved" as const, reportId: report.id, reportingDate: today };
  });
}
