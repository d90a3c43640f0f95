import "server-only";
import { type Actor, can } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { rentCeilingsSchema } from "./rent-ceiling-schema";
import { CEILING_SIZES, type CeilingTable } from "./rent-ceilings";

// The county's rent ceilings (admins keep them; the board and the staff list read them). The
// county is always the actor's own, or the board's for the public pages.

/** Ceiling tables by municipality id for a county (public pages and staff lists). */
export async function loadCeilingTables(countyId: string): Promise<Map<string, CeilingTable>> {
  const rows = await db().rentCeiling.findMany({
    where: { countyId },
    select: { municipalityId: true, householdSize: true, maxWarmRent: true },
  });
  const tables = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const table = tables.get(row.municipalityId) ?? new Map<number, number>();
    table.set(row.householdSize, row.maxWarmRent);
    tables.set(row.municipalityId, table);
  }
  return tables;
}

export async function listRentCeilings(actor: Actor) {
  if (!can(actor, "board:configure")) return null;
  const [municipalities, tables] = await Promise.all([
    db().municipality.findMany({ where: { countyId: actor.countyId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    loadCeilingTables(actor.countyId),
  ]);
  return municipalities.map((municipality) => ({ ...municipality, ceilings: tables.get(municipality.id) ?? new Map<number, number>() }));
}

/** Replaces one municipality's ceilings (or every municipality's of the county, `applyToAll`). */
export async function saveRentCeilings(actor: Actor, rawInput: unknown): Promise<{ municipalities: number; name: string }> {
  if (!can(actor, "board:configure")) throw forbidden();
  const parsed = rentCeilingsSchema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(
      parsed.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === "ceilings" ? issue.path.slice(1) : issue.path })),
    );
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", fieldErrors);
  }
  const { municipalityId, applyToAll, ceilings } = parsed.data;
  const rows = CEILING_SIZES.flatMap((size) => {
    const value = ceilings[`size${size}`];
    return value === null || value === undefined ? [] : [{ householdSize: size, maxWarmRent: value }];
  });
  return db().$transaction(async (tx) => {
    const municipality = await tx.municipality.findFirst({
      where: { id: municipalityId, countyId: actor.countyId },
      select: { id: true, name: true },
    });
    if (!municipality) throw notFound("Die Kommune wurde nicht gefunden.");
    const targets = applyToAll
      ? await tx.municipality.findMany({ where: { countyId: actor.countyId }, select: { id: true } })
      : [{ id: municipality.id }];
    const ids = targets.map((target) => target.id);
    const before = await tx.rentCeiling.findMany({ where: { countyId: actor.countyId, municipalityId: { in: ids } } });
    await tx.rentCeiling.deleteMany({ where: { countyId: actor.countyId, municipalityId: { in: ids } } });
    await tx.rentCeiling.createMany({
      data: ids.flatMap((id) => rows.map((row) => ({ countyId: actor.countyId, municipalityId: id, ...row }))),
    });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "county.rent-ceilings",
      subjectType: applyToAll ? "County" : "Municipality",
      subjectId: applyToAll ? actor.countyId : municipality.id,
      before: before.map((row) => ({ municipalityId: row.municipalityId, householdSize: row.householdSize, maxWarmRent: row.maxWarmRent })),
      after: { municipalities: ids.length, ceilings: rows },
    });
    return { municipalities: ids.length, name: municipality.name };
  });
}
