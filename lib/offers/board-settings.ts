import "server-only";
import { createHash } from "node:crypto";
import { type Actor, can } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { embedOriginsSchema } from "./embed";
import { BOARD_SETTING_KEYS, boardSettingsSchema, legalTextSchema, mailboxSchema, type BoardSettings } from "./oversight-schema";

// The county's configuration of the offer board: durations and limits (coordinators and admins,
// with the other county settings), the municipal mailboxes and the legal texts (admins). The
// county is always the actor's own; no id from the client chooses it.

function validation(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(issues));
}

function requireBoardAdmin(actor: Actor) {
  if (!can(actor, "board:configure")) throw forbidden();
}

export async function updateBoardSettings(actor: Actor, rawInput: unknown): Promise<void> {
  if (!can(actor, "settings:manage")) throw forbidden();
  const parsed = boardSettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  await db().$transaction(async (tx) => {
    const county = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId } });
    const before = Object.fromEntries(BOARD_SETTING_KEYS.map((key) => [key, county[key]])) as BoardSettings;
    await tx.county.update({ where: { id: actor.countyId }, data: parsed.data });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "county.board-settings",
      subjectType: "County",
      subjectId: actor.countyId,
      before,
      after: parsed.data,
    });
  });
}

/** The municipalities of the actor's county with their mailboxes (admins only). */
export async function listMunicipalityMailboxes(actor: Actor) {
  if (!can(actor, "board:configure")) return [];
  return db().municipality.findMany({
    where: { countyId: actor.countyId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, mailboxEmail: true },
  });
}

export async function updateMunicipalityMailbox(actor: Actor, municipalityId: unknown, mailboxEmail: unknown): Promise<{ name: string }> {
  requireBoardAdmin(actor);
  const parsed = mailboxSchema.safeParse({ municipalityId, mailboxEmail });
  if (!parsed.success) throw validation(parsed.error.issues);
  const email = parsed.data.mailboxEmail || null;
  return db().$transaction(async (tx) => {
    // The county in the condition: another county's municipality is not found.
    const where = { id: parsed.data.municipalityId, countyId: actor.countyId };
    const municipality = await tx.municipality.findFirst({ where, select: { id: true, name: true, mailboxEmail: true } });
    if (!municipality) throw notFound("Die Kommune wurde nicht gefunden.");
    if (municipality.mailboxEmail === email) return { name: municipality.name };
    await tx.municipality.updateMany({ where, data: { mailboxEmail: email } });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "municipality.mailbox",
      subjectType: "Municipality",
      subjectId: municipality.id,
      before: { mailboxEmail: municipality.mailboxEmail },
      after: { mailboxEmail: email },
    });
    return { name: municipality.name };
  });
}

/** Every legal text of the actor's county (admins only). */
export async function listLegalTexts(actor: Actor) {
  if (!can(actor, "board:configure")) return [];
  return db().legalText.findMany({
    where: { countyId: actor.countyId },
    select: { kind: true, locale: true, body: true, version: true, updatedAt: true },
  });
}

export type LegalTextResult = { outcome: "saved"; version: number } | { outcome: "deleted" } | { outcome: "unchanged" };

// The audit keeps a fingerprint of each version, not the text itself (up to 50,000 characters).
const fingerprint = (body: string) => ({ length: body.length, sha256: createHash("sha256").update(body).digest("hex") });

/**
 * Saves one language of the privacy notice or imprint; a blank text deletes that translation.
 * Every change raises the version, which offers store as the one their offerer accepted.
 */
export async function saveLegalText(actor: Actor, rawInput: unknown): Promise<LegalTextResult> {
  requireBoardAdmin(actor);
  const parsed = legalTextSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  const { kind, locale, body } = parsed.data;
  // The German text is binding: it may be replaced, never removed (its version would restart).
  if (body === "" && locale === "de") {
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", {
      body: ["Der deutsche Text ist verbindlich und kann nicht gelöscht, nur ersetzt werden."],
    });
  }
  const key = { countyId_kind_locale: { countyId: actor.countyId, kind, locale } };
  return db().$transaction(async (tx) => {
    const existing = await tx.legalText.findUnique({ where: key });
    const audit = (action: string, subjectId: string, after?: { version: number; length: number; sha256: string }) =>
      recordAudit(tx, {
        countyId: actor.countyId,
        actorId: actor.id,
        action,
        subjectType: "LegalText",
        subjectId,
        before: existing ? { kind, locale, version: existing.version, ...fingerprint(existing.body) } : undefined,
        after: after ? { kind, locale, ...after } : undefined,
      });
    if (body === "") {
      if (!existing) return { outcome: "unchanged" };
      await tx.legalText.delete({ where: key });
      await audit("legal-text.deleted", existing.id);
      return { outcome: "deleted" };
    }
    if (existing?.body === body) return { outcome: "unchanged" };
    // Increment in the database: two admins saving at once get two versions, not one.
    const saved = await tx.legalText.upsert({
      where: key,
      create: { countyId: actor.countyId, kind, locale, body },
      update: { body, version: { increment: 1 } },
    });
    await audit("legal-text.saved", saved.id, { version: saved.version, ...fingerprint(body) });
    return { outcome: "saved", version: saved.version };
  });
}

/** The origins that may frame the embeddable offer form (admins). */
export async function updateEmbedOrigins(actor: Actor, rawInput: unknown): Promise<{ origins: string[] }> {
  requireBoardAdmin(actor);
  const parsed = embedOriginsSchema.safeParse(rawInput);
  if (!parsed.success) throw validation(parsed.error.issues);
  const origins = parsed.data.embedOrigins;
  await db().$transaction(async (tx) => {
    const county = await tx.county.findUniqueOrThrow({ where: { id: actor.countyId }, select: { embedOrigins: true } });
    await tx.county.update({ where: { id: actor.countyId }, data: { embedOrigins: origins } });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "county.embed-origins",
      subjectType: "County",
      subjectId: actor.countyId,
      before: county.embedOrigins,
      after: origins,
    });
  });
  return { origins };
}
