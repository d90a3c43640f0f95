import "server-only";
import { type Actor, can, helpingMunicipalities } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { berlinDay, dateToDay, dayToDate } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { queueMailInTransaction } from "../jobs";
import { loadCountyEvaluation } from "../capacity/queries";
import { invalid, lockRequest, mailContext, parseId, type LockedRequest } from "./context";
import { offerMadeMail, offerWithdrawnMail, placementAgreedMail, placementEndedMail } from "./mails";
import { clerksOf, coordinatorsOf } from "./recipients";
import { endPlacementSchema, helpOfferSchema } from "./schema";
import { acceptsOffers, coverageStatus, placementDays, placementEnd } from "./states";

// Offers of places for a request, their acceptance as an agreed placement, and its end.

export type OfferResult =
  | { status: "saved"; id: string }
  /** The offer exceeds the municipality's free places (from its latest report): confirm first. */
  | { status: "exceedsFreePlaces"; freePlaces: number };

/** The places a municipality has beyond its own need today, as /lage counts them. */
async function freePlacesOf(actor: Actor, municipalityId: string): Promise<number> {
  const evaluation = await loadCountyEvaluation(actor, berlinDay());
  const row = evaluation?.rows.find((candidate) => candidate.municipalityId === municipalityId);
  return row ? Math.max(-row.shortfall, 0) : 0;
}

export async function makeHelpOffer(actor: Actor, rawInput: unknown): Promise<OfferResult> {
  if (!can(actor, "help:act")) throw forbidden();
  const parsed = helpOfferSchema.safeParse(rawInput);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const input = parsed.data;
  const municipality = await db().municipality.findFirst({
    // AND, not a spread: the rule's own `id` must not be overwritten by the requested one.
    where: { AND: [helpingMunicipalities(actor), { id: input.municipalityId }] },
    select: { id: true, name: true },
  });
  if (!municipality) throw forbidden("Für diese Kommune können Sie keine Plätze anbieten.");
  // The request is checked before the free places, so that a refusal is not hidden behind a
  // warning; the transaction checks it again under the lock.
  const requested = await db().helpRequest.findFirst({
    where: { id: input.requestId, countyId: actor.countyId },
    select: { municipalityId: true, status: true },
  });
  if (!requested) throw notFound("Diese Anfrage wurde nicht gefunden.");
  assertOfferable(requested, municipality.id);
  // A plausibility warning, not a stop: the report may be older than the offer. The evaluation is
  // read before the transaction, which then only writes.
  const freePlaces = await freePlacesOf(actor, municipality.id);
  if (input.persons > freePlaces && !input.confirmExceedsFreePlaces) return { status: "exceedsFreePlaces", freePlaces };

  return db().$transaction(async (tx) => {
    const request = await lockRequest(tx, actor, input.requestId);
    assertOfferable(request, municipality.id);
    const offer = await tx.helpOffer.create({
      data: {
        countyId: actor.countyId,
        requestId: request.id,
        municipalityId: municipality.id,
        persons: input.persons,
        accommodation: input.accommodation,
        availableFrom: dayToDate(input.availableFrom),
        duration: input.duration,
        availableUntil: input.availableUntil ? dayToDate(input.availableUntil) : null,
        comment: input.comment,
        exceedsFreePlacesConfirmed: input.persons > freePlaces,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "help.offer.make",
      subjectType: "HelpRequest",
      subjectId: request.id,
      after: { offerId: offer.id, host: municipality.name, ...input, freePlaces },
    });
    const to = [...(await coordinatorsOf(tx, request.countyId)), ...(await clerksOf(tx, request.countyId, [request.municipalityId]))];
    const context = mailContext(request, to);
    if (context.to.length) await queueMailInTransaction(tx, offerMadeMail(context, { host: municipality.name, ...input }));
    return { status: "saved" as const, id: offer.id };
  });
}

function assertOfferable(request: { municipalityId: string; status: LockedRequest["status"] }, offeringId: string) {
  if (request.municipalityId === offeringId) throw new AppError("CONFLICT", "Eine Kommune kann sich nicht selbst Plätze anbieten.");
  if (!acceptsOffers(request.status)) throw new AppError("CONFLICT", "Diese Anfrage nimmt keine Angebote mehr an.");
}

async function findOffer(actor: Actor, offerIdInput: unknown) {
  const offerId = parseId(offerIdInput, "Das Angebot");
  const offer = await db().helpOffer.findFirst({
    where: { id: offerId, countyId: actor.countyId },
    select: { id: true, requestId: true, municipalityId: true, municipality: { select: { name: true } } },
  });
  if (!offer) throw notFound("Dieses Angebot wurde nicht gefunden.");
  return offer;
}

/** The offering municipality's clerk or a coordinator withdraws an open offer. */
export async function withdrawHelpOffer(actor: Actor, offerIdInput: unknown): Promise<{ requestId: string }> {
  if (!can(actor, "help:act")) throw forbidden();
  const offer = await findOffer(actor, offerIdInput);
  if (actor.role === "CLERK" && actor.municipalityId !== offer.municipalityId) {
    throw forbidden("Nur die anbietende Kommune oder der Koordinierungsstab kann das Angebot zurückziehen.");
  }
  return db().$transaction(async (tx) => {
    const request = await lockRequest(tx, actor, offer.requestId);
    const { count } = await tx.helpOffer.updateMany({ where: { id: offer.id, status: "OPEN" }, data: { status: "WITHDRAWN" } });
    if (count === 0) throw new AppError("CONFLICT", "Dieses Angebot ist nicht mehr offen.");
    const persons = (await tx.helpOffer.findUniqueOrThrow({ where: { id: offer.id }, select: { persons: true } })).persons;
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "help.offer.withdraw",
      subjectType: "HelpRequest",
      subjectId: request.id,
      after: { offerId: offer.id, host: offer.municipality.name },
    });
    const to = [...(await coordinatorsOf(tx, request.countyId)), ...(await clerksOf(tx, request.countyId, [request.municipalityId]))];
    const context = mailContext(request, to);
    if (context.to.length) await queueMailInTransaction(tx, offerWithdrawnMail(context, { host: offer.municipality.name, persons }));
    return { requestId: request.id };
  });
}

/**
 * Accepts an offer (a coordinator, or a clerk of the requesting municipality): it becomes an agreed
 * placement over the offer's persons and dates, and the request's coverage follows. Once the
 * request is covered, its other open offers are closed.
 */
export async function acceptHelpOffer(actor: Actor, offerIdInput: unknown): Promise<{ requestId: string; placementId: string }> {
  if (!can(actor, "help:act")) throw forbidden();
  const found = await findOffer(actor, offerIdInput);
  return db().$transaction(async (tx) => {
    const request = await lockRequest(tx, actor, found.requestId);
    if (actor.role === "CLERK" && actor.municipalityId !== request.municipalityId) {
      throw forbidden("Annehmen kann nur die anfragende Kommune oder der Koordinierungsstab.");
    }
    if (!acceptsOffers(request.status)) throw new AppError("CONFLICT", "Diese Anfrage nimmt keine Angebote mehr an.");
    const { count } = await tx.helpOffer.updateMany({ where: { id: found.id, status: "OPEN" }, data: { status: "ACCEPTED" } });
    if (count === 0) throw new AppError("CONFLICT", "Dieses Angebot ist nicht mehr offen.");
    const offer = await tx.helpOffer.findUniqueOrThrow({ where: { id: found.id } });
    const placement = await tx.helpPlacement.create({
      data: {
        countyId: request.countyId,
        requestId: request.id,
        offerId: offer.id,
        requesterId: request.municipalityId,
        hostId: offer.municipalityId,
        persons: offer.persons,
        startsOn: offer.availableFrom,
        endsOn: offer.availableUntil,
        agreedById: actor.id,
      },
      select: { id: true },
    });
    const placed = await tx.helpPlacement.aggregate({ where: { requestId: request.id }, _sum: { persons: true } });
    const status = coverageStatus(request.persons, placed._sum.persons ?? 0);
    await tx.helpRequest.update({ where: { id: request.id }, data: { status } });
    if (status === "COVERED")
      await tx.helpOffer.updateMany({ where: { requestId: request.id, status: "OPEN" }, data: { status: "CLOSED" } });
    const startsOn = dateToDay(offer.availableFrom);
    const endsOn = offer.availableUntil ? dateToDay(offer.availableUntil) : null;
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "help.placement.agree",
      subjectType: "HelpRequest",
      subjectId: request.id,
      before: { status: request.status },
      after: {
        status,
        offerId: offer.id,
        placementId: placement.id,
        host: found.municipality.name,
        persons: offer.persons,
        startsOn,
        endsOn,
      },
    });
    const to = [
      ...(await coordinatorsOf(tx, request.countyId)),
      ...(await clerksOf(tx, request.countyId, [request.municipalityId, offer.municipalityId])),
    ];
    const context = mailContext(request, to);
    if (context.to.length) {
      await queueMailInTransaction(
        tx,
        placementAgreedMail(context, { host: found.municipality.name, persons: offer.persons, startsOn, endsOn }),
      );
    }
    return { requestId: request.id, placementId: placement.id };
  });
}

/** Ends a placement early (or calls it off before it began): a clerk of either side or a coordinator. */
export async function endHelpPlacement(actor: Actor, rawInput: unknown): Promise<{ requestId: string }> {
  if (!can(actor, "help:act")) throw forbidden();
  const parsed = endPlacementSchema.safeParse(rawInput);
  if (!parsed.success) throw invalid(parsed.error.issues);
  const { placementId, endedOn } = parsed.data;
  return db().$transaction(async (tx) => {
    const placement = await tx.helpPlacement.findFirst({
      where: { id: placementId, countyId: actor.countyId },
      select: {
        id: true,
        requestId: true,
        requesterId: true,
        hostId: true,
        persons: true,
        startsOn: true,
        endsOn: true,
        endedOn: true,
        host: { select: { name: true } },
      },
    });
    if (!placement) throw notFound("Diese Unterbringung wurde nicht gefunden.");
    if (actor.role === "CLERK" && actor.municipalityId !== placement.requesterId && actor.municipalityId !== placement.hostId) {
      throw forbidden("Beenden können nur die beteiligten Kommunen oder der Koordinierungsstab.");
    }
    const request = await lockRequest(tx, actor, placement.requestId);
    const dates = placementDays(placement);
    const end = placementEnd(dates);
    if (end !== null && end <= berlinDay()) throw new AppError("CONFLICT", "Diese Unterbringung ist bereits beendet.");
    const fieldError = (message: string) => new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", { endedOn: [message] });
    if (endedOn > berlinDay()) throw fieldError("Das Ende kann nicht in der Zukunft liegen.");
    if (endedOn < dates.startsOn) throw fieldError("Das Ende kann nicht vor dem Beginn liegen.");
    await tx.helpPlacement.update({ where: { id: placement.id }, data: { endedOn: dayToDate(endedOn) } });
    await recordAudit(tx, {
      countyId: actor.countyId,
      actorId: actor.id,
      action: "help.placement.end",
      subjectType: "HelpRequest",
      subjectId: request.id,
      before: { placementId: placement.id, ...dates },
      after: { placementId: placement.id, endedOn },
    });
    const to = [
      ...(await coordinatorsOf(tx, request.countyId)),
      ...(await clerksOf(tx, request.countyId, [placement.requesterId, placement.hostId])),
    ];
    const context = mailContext(request, to);
    if (context.to.length) {
      await queueMailInTransaction(tx, placementEndedMail(context, { host: placement.host.name, persons: placement.persons, endedOn }));
    }
    return { requestId: request.id };
  });
}
