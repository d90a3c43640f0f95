import "server-only";
import { type Actor, can } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import type { NeighbourLink } from "../capacity/balancing";
import { canonicalPair } from "./pair";
import { neighbourFieldErrors, neighboursSchema } from "./schema";

// Neighbour relations of a county's municipalities (admins record them; the balancing proposal
// reads them). The county is always the actor's own: it is part of every query, and the
// database's foreign keys refuse a pair across counties as well.

/** Every neighbour relation of the actor's county (for the proposal: coordinators and admins). */
export async function loadNeighbourLinks(actor: Actor): Promise<NeighbourLink[]> {
  if (!can(actor, "balancing:read") && !can(actor, "neighbours:manage")) return [];
  const rows = await db().municipalityNeighbour.findMany({
    where: { countyId: actor.countyId },
    select: { municipalityId: true, neighbourId: true, travelMinutes: true },
  });
  return rows.map((row) => ({ a: row.municipalityId, b: row.neighbourId, travelMinutes: row.travelMinutes }));
}

export interface Neighbourhood {
  municipalities: { id: string; name: string; slug: string }[];
  /** Per municipality id: its neighbours' ids with the travel time. */
  neighboursOf: Map<string, Map<string, number | null>>;
}

/** The county's municipalities and who borders whom (admins only). */
export async function loadNeighbourhood(actor: Actor): Promise<Neighbourhood | null> {
  if (!can(actor, "neighbours:manage")) return null;
  const [municipalities, links] = await Promise.all([
    db().municipality.findMany({
      where: { countyId: actor.countyId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true },
    }),
    loadNeighbourLinks(actor),
  ]);
  const neighboursOf = new Map(municipalities.map((m) => [m.id, new Map<string, number | null>()]));
  for (const link of links) {
    neighboursOf.get(link.a)?.set(link.b, link.travelMinutes);
    neighboursOf.get(link.b)?.set(link.a, link.travelMinutes);
  }
  return { municipalities, neighboursOf };
}

const invalid = (fieldErrors: Record<string, string[]>) =>
  new AppError("VALIDATION", fieldErrors.form?.[0] ?? "Bitte prüfen Sie die markierten Angaben.", fieldErrors);

/**
 * Sets the neighbours of one municipality: exactly the given ones, with their travel times. Each
 * relation is symmetric, so this also changes the neighbours' lists.
 */
export async function saveNeighbours(actor: Actor, rawInput: unknown): Promise<{ name: string; count: number }> {
  if (!can(actor, "neighbours:manage")) throw forbidden();
  const parsed = neighboursSchema.safeParse(rawInput);
  if (!parsed.success) {
    // The raw list locates a travel time's error at its field (minutes-<id>).
    const list: unknown = (rawInput as { neighbours?: unknown } | null)?.neighbours;
    const neighbours = Array.isArray(list) ? (list as { id: unknown }[]) : [];
    throw invalid(neighbourFieldErrors(parsed.error.issues, { neighbours }));
  }
  const { municipalityId, neighbours } = parsed.data;
  return db().$transaction(async (tx) => {
    // One county's neighbourhood is changed by one admin at a time: two saves touching the same
    // pair would otherwise collide on its key.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`neighbours:${actor.countyId}`}, 0))`;
    const municipality = await tx.municipality.findFirst({
      where: { id: municipalityId, countyId: actor.countyId },
      select: { id: true, name: true },
    });
    if (!municipality) throw notFound("Die Kommune wurde nicht gefunden.");
    const ids = neighbours.map((neighbour) => neighbour.id);
    const found = await tx.municipality.findMany({
      where: { id: { in: ids }, countyId: actor.countyId },
      select: { id: true, name: true },
    });
    // Another county's id looks like an unknown one: nothing is said about other counties.
    if (found.length !== ids.length) throw invalid({ form: ["Mindestens ein Nachbar ist keine Kommune dieses Landkreises."] });
    const nameOf = new Map(found.map((m) => [m.id, m.name]));

    const involving = { countyId: actor.countyId, OR: [{ municipalityId }, { neighbourId: municipalityId }] };
    const before = await tx.municipalityNeighbour.findMany({ where: involving });
    await tx.municipalityNeighbour.deleteMany({ where: involving });
    await tx.municipalityNeighbour.createMany({
      data: neighbours.map((neighbour) => ({
        countyId: actor.countyId,
        ...canonicalPair(municipalityId, neighbour.id),
        travelMinutes: neighbour.travelMinutes,
      })),
    });
    const other = (row: { municipalityId: string; neighbourId: string }) =>
      row.municipalityId === municipalityId ? row.neighbourId : row.municipalityId;
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "municipality.neighbours",
      subjectType: "Municipality",
      subjectId: municipalityId,
      before: before.map((row) => ({ id: other(row), travelMinutes: row.travelMinutes })),
      after: neighbours.map((neighbour) => ({ id: neighbour.id, name: nameOf.get(neighbour.id)!, travelMinutes: neighbour.travelMinutes })),
    });
    return { name: municipality.name, count: neighbours.length };
  });
}
