import "server-only";
import { type Actor, can, helpingMunicipalities } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { addDays, berlinDay, dayToDate } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { queueMailInTransaction } from "../jobs";
import { invalid, lockRequest, mailContext, parseId } from "./context";
import { requestOpenedMail, requestWithdrawnMail } from "./mails";
import { clerksOf, coordinatorsOf } from "./recipients";
import { helpRequestSchema, type HelpRequestInput } from "./schema";
import { acceptsOffers } from "./states";

// Help requests: a municipality that is short asks the others (a clerk for its own municipality,
// a coordinator on behalf of any). The municipality is looked up among those the actor may act
// for, so another municipality's id matches nothing.

const forbiddenMunicipality = () => forbidden("Für diese Kommune können Sie keine Amtshilfe anfragen.");

async function openRequest(actor: Actor, input: HelpRequestInput, addressedToId: string | null, source: string) {
  return db().$transaction(async (tx) => {
    const municipality = await tx.municipality.findFirst({
      // AND, not a spread: the rule's own `id` must not be overwritten by the requested one.
      where: { AND: [helpingMunicipalities(actor), { id: input.municipalityId }] },
      select: { id: true, name: true },
    });
    if (!municipality) throw forbiddenMunicipality();
    const addressedTo = addressedToId
      ? await tx.municipality.findFirst({ where: { countyId: actor.countyId, id: addressedToId }, select: { id: true, name: true } })
      : null;
    if (addressedToId && !addressedTo) throw notFound("Die angefragte Kommune wurde nicht gefunden.");
    const request = await tx.helpRequest.create({
      data: {
        countyId: actor.countyId,
        municipalityId: municipality.id,
        addressedToId: addressedTo?.id ?? null,
        persons: input.persons,
        composition: input.composition,
        neededBy: dayToDate(input.neededBy),
        accommodation: input.accommodation,
        comment: input.comment,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "help.request.open",
      subjectType: "HelpRequest",
      subjectId: request.id,
      after: { ...input, municipality: municipality.name, addressedTo: addressedTo?.name ?? null, source },
    });
    const locked = {
      id: request.id,
      countyId: actor.countyId,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      addressedToId: addressedTo?.id ?? null,
      persons: input.persons,
      status: "OPEN" as const,
    };
    const to = [
      ...(await coordinatorsOf(tx, actor.countyId)),
      ...(await clerksOf(tx, actor.countyId, addressedTo ? [addressedTo.id] : [])),
    ];
    const context = mailContext(locked, to);
    if (context.to.length) {
      await queueMailInTransaction(tx, requestOpenedMail(context, { ...input, addressedTo: addressedTo?.name ?? null }));
    }
    return { id: request.id };
  });
}

/** Opens a help request from the form (/amtshilfe/neu). */
export async function openHelpRequest(actor: Actor, rawInput: unknown): Promise<{ id: string }> {
  if (!can(actor, "help:act")) throw forbidden();
  const parsed = helpRequestSchema.safeParse(rawInput);
  if (!parsed.success) throw invalid(parsed.error.issues);
  if (parsed.data.neededBy < berlinDay()) {
    throw new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { neededBy: ["Das Datum liegt in der Vergangenheit."] });
  }
  return openRequest(actor, parsed.data, null, "form");
}

/**
 * One line of the balancing proposal as help requests: one per helper, addressed to it, for the
 * places the proposal takes from it. The caller passes the line as computed on the server.
 */
export async function openRequestsFromProposal(
  actor: Actor,
  line: { municipalityId: string; transfers: { fromId: string; places: number; kind: "shared" | "decentral" }[] },
  asOf: string,
): Promise<{ ids: string[] }> {
  if (!can(actor, "help:act") || !can(actor, "balancing:read")) throw forbidden();
  // Several transfers from one helper (now and in prospect, both kinds) become one request.
  const byHelper = new Map<string, { places: number; kinds: Set<string> }>();
  for (const transfer of line.transfers) {
    const entry = byHelper.get(transfer.fromId) ?? { places: 0, kinds: new Set<string>() };
    entry.places += transfer.places;
    entry.kinds.add(transfer.kind);
    byHelper.set(transfer.fromId, entry);
  }
  const ids: string[] = [];
  for (const [helperId, { places, kinds }] of byHelper) {
    const accommodation = kinds.size > 1 ? "EITHER" : kinds.has("shared") ? "SHARED" : "DECENTRAL";
    const { id } = await openRequest(
      actor,
      {
        municipalityId: line.municipalityId,
        persons: places,
        composition: "laut Ausgleichsvorschlag; Zusammensetzung folgt",
        neededBy: addDays(berlinDay(), 14),
        accommodation,
        comment: `Aus dem Ausgleichsvorschlag zum Stand ${asOf}.`,
      },
      helperId,
      "proposal",
    );
    ids.push(id);
  }
  return { ids };
}

/** Withdraws a request (its municipality's clerk or a coordinator); its open offers are closed. */
export async function withdrawHelpRequest(actor: Actor, requestIdInput: unknown): Promise<void> {
  if (!can(actor, "help:act")) throw forbidden();
  const requestId = parseId(requestIdInput, "Die Anfrage");
  await db().$transaction(async (tx) => {
    const request = await lockRequest(tx, actor, requestId);
    if (actor.role === "CLERK" && actor.municipalityId !== request.municipalityId) {
      throw forbidden("Nur die anfragende Kommune oder der Koordinierungsstab kann die Anfrage zurückziehen.");
    }
    if (!acceptsOffers(request.status)) throw new AppError("CONFLICT", "Diese Anfrage ist bereits erledigt.");
    await tx.helpRequest.update({ where: { id: request.id }, data: { status: "WITHDRAWN" } });
    const open = await tx.helpOffer.findMany({ where: { requestId: request.id, status: "OPEN" }, select: { municipalityId: true } });
    await tx.helpOffer.updateMany({ where: { requestId: request.id, status: "OPEN" }, data: { status: "CLOSED" } });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "help.request.withdraw",
      subjectType: "HelpRequest",
      subjectId: request.id,
      before: { status: request.status },
      after: { status: "WITHDRAWN", closedOffers: open.length },
    });
    const to = [
      ...(await coordinatorsOf(tx, request.countyId)),
      ...(await clerksOf(
        tx,
        request.countyId,
        open.map((offer) => offer.municipalityId),
      )),
    ];
    const context = mailContext(request, to);
    if (context.to.length) await queueMailInTransaction(tx, requestWithdrawnMail(context));
  });
}
