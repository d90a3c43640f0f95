import "server-only";
import { type Actor, can } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { AppError, forbidden } from "../errors";
import { zodFieldErrors } from "../forms";
import { countySettingsSchema, OUTLOOK_SETTING_KEYS, outlookSettingsSchema } from "./schema";

export async function updateCountySettings(actor: Actor, rawInput: unknown) {
  if (!can(actor, "settings:manage")) throw forbidden();
  const parsed = countySettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(parsed.error.issues));
  await db().$transaction(async (tx) => {
    // The county is the actor's own; no id from the client chooses it.
    const before = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    await tx.county.update({ where: { id: actor.countyId }, data: parsed.data });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "county.settings",
      subjectType: "County",
      subjectId: actor.countyId,
      before: { reportingIntervalDays: before.reportingIntervalDays },
      after: parsed.data,
    });
  });
}

/** The outlook's window and warning threshold (weeks), for the actor's own county. */
export async function updateOutlookSettings(actor: Actor, rawInput: unknown) {
  if (!can(actor, "settings:manage")) throw forbidden();
  const parsed = outlookSettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(parsed.error.issues));
  await db().$transaction(async (tx) => {
    const before = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    await tx.county.update({ where: { id: actor.countyId }, data: parsed.data });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "county.outlook-settings",
      subjectType: "County",
      subjectId: actor.countyId,
      before: Object.fromEntries(OUTLOOK_SETTING_KEYS.map((key) => [key, before[key]])),
      after: parsed.data,
    });
  });
}
