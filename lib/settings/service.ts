import "server-only";
import { type Actor, can } from "../auth/actor";
import { recordAudit } from "../audit/record";
import type { z } from "zod";
import { db } from "../db/client";
import type { County } from "../db/generated/client";
import { AppError, forbidden } from "../errors";
import { zodFieldErrors } from "../forms";
import { countySettingsSchema, OUTLOOK_SETTING_KEYS, outlookSettingsSchema } from "./schema";

export function updateCountySettings(actor: Actor, rawInput: unknown) {
  return updateOwnCounty(actor, countySettingsSchema, rawInput, { action: "county.settings", keys: ["reportingIntervalDays"] });
}

/** The outlook's window and warning threshold (weeks), for the actor's own county. */
export function updateOutlookSettings(actor: Actor, rawInput: unknown) {
  return updateOwnCounty(actor, outlookSettingsSchema, rawInput, { action: "county.outlook-settings", keys: OUTLOOK_SETTING_KEYS });
}

/** Validates, updates the actor's own county (no id from the client chooses it) and records before and after. */
async function updateOwnCounty<Keys extends keyof County>(
  actor: Actor,
  schema: z.ZodType<Pick<County, Keys>>,
  rawInput: unknown,
  audit: { action: string; keys: readonly Keys[] },
) {
  if (!can(actor, "settings:manage")) throw forbidden();
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(parsed.error.issues));
  await db().$transaction(async (tx) => {
    const before = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    await tx.county.update({ where: { id: actor.countyId }, data: parsed.data });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: audit.action,
      subjectType: "County",
      subjectId: actor.countyId,
      before: Object.fromEntries(audit.keys.map((key) => [key, before[key]])),
      after: parsed.data,
    });
  });
}
