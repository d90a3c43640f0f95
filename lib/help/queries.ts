import "server-only";
import { type Actor, can, helpingMunicipalities } from "../auth/actor";
import { berlinDay, dateToDay } from "../dates";
import { db } from "../db/client";
import type { HelpAccommodation, HelpDuration, HelpOfferStatus, HelpRequestStatus } from "../db/generated/enums";
import { idSchema } from "../validation";
import { acceptsOffers, placementDays, placementState, type PlacementState } from "./states";

// Reads of inter-municipal help for /amtshilfe. Every query is limited to the actor's county; a
// role without "help:read" gets nothing, and comments only reach roles with "help:comments" (the
// press office sees the figures, not what municipalities wrote to each other).

export interface HelpOfferView {
  id: string;
  municipalityId: string;
  municipality: string;
  persons: number;
  accommodation: HelpAccommodation;
  availableFrom: string;
  duration: HelpDuration;
  availableUntil: string | null;
  comment: string | null;
  exceedsFreePlacesConfirmed: boolean;
  status: HelpOfferStatus;
  createdAt: Date;
}

export interface HelpPlacementView {
  id: string;
  requestId: string;
  requesterId: string;
  requester: string;
  hostId: string;
  host: string;
  persons: number;
  startsOn: string;
  endsOn: string | null;
  endedOn: string | null;
  state: PlacementState;
}

export interface HelpRequestView {
  id: string;
  municipalityId: string;
  municipality: string;
  municipalitySlug: string;
  addressedTo: string | null;
  addressedToId: string | null;
  persons: number;
  composition: string;
  neededBy: string;
  accommodation: HelpAccommodation;
  comment: string | null;
  status: HelpRequestStatus;
  createdAt: Date;
  placedPersons: number;
  offers: HelpOfferView[];
  placements: HelpPlacementView[];
}

const requestSelect = {
  id: true,
  municipalityId: true,
  addressedToId: true,
  persons: true,
  composition: true,
  neededBy: true,
  accommodation: true,
  comment: true,
  status: true,
  createdAt: true,
  municipality: { select: { name: true, slug: true } },
  addressedTo: { select: { name: true } },
  offers: {
    orderBy: { createdAt: "asc" as const },
    select: {
      id: true,
      municipalityId: true,
      persons: true,
      accommodation: true,
      availableFrom: true,
      duration: true,
      availableUntil: true,
      comment: true,
      exceedsFreePlacesConfirmed: true,
      status: true,
      createdAt: true,
      municipality: { select: { name: true } },
    },
  },
  placements: {
    orderBy: { startsOn: "asc" as const },
    select: {
      id: true,
      requestId: true,
      requesterId: true,
      hostId: true,
      persons: true,
      startsOn: true,
      endsOn: true,
      endedOn: true,
      requester: { select: { name: true } },
      host: { select: { name: true } },
    },
  },
};

interface PlacementRow {
  id: string;
  requestId: string;
  requesterId: string;
  hostId: string;
  persons: number;
  startsOn: Date;
  endsOn: Date | null;
  endedOn: Date | null;
  requester: { name: string };
  host: { name: string };
}

function placementView(row: PlacementRow, today: string): HelpPlacementView {
  const dates = placementDays(row);
  return {
    id: row.id,
    requestId: row.requestId,
    requesterId: row.requesterId,
    requester: row.requester.name,
    hostId: row.hostId,
    host: row.host.name,
    persons: row.persons,
    ...dates,
    state: placementState(dates, today),
  };
}

async function findRequests(actor: Actor, where: { id?: string }, take: number): Promise<HelpRequestView[]> {
  if (!can(actor, "help:read")) return [];
  const showComments = can(actor, "help:comments");
  const today = berlinDay();
  const rows = await db().helpRequest.findMany({
    where: { countyId: actor.countyId, ...where },
    orderBy: [{ createdAt: "desc" }],
    take,
    select: requestSelect,
  });
  return rows.map((row) => ({
    id: row.id,
    municipalityId: row.municipalityId,
    municipality: row.municipality.name,
    municipalitySlug: row.municipality.slug,
    addressedTo: row.addressedTo?.name ?? null,
    addressedToId: row.addressedToId,
    persons: row.persons,
    composition: row.composition,
    neededBy: dateToDay(row.neededBy),
    accommodation: row.accommodation,
    comment: showComments ? row.comment : null,
    status: row.status,
    createdAt: row.createdAt,
    placedPersons: row.placements.reduce((total, placement) => total + placement.persons, 0),
    offers: row.offers.map((offer) => ({
      id: offer.id,
      municipalityId: offer.municipalityId,
      municipality: offer.municipality.name,
      persons: offer.persons,
      accommodation: offer.accommodation,
      availableFrom: dateToDay(offer.availableFrom),
      duration: offer.duration,
      availableUntil: offer.availableUntil ? dateToDay(offer.availableUntil) : null,
      comment: showComments ? offer.comment : null,
      exceedsFreePlacesConfirmed: offer.exceedsFreePlacesConfirmed,
      status: offer.status,
      createdAt: offer.createdAt,
    })),
    placements: row.placements.map((placement) => placementView(placement, today)),
  }));
}

/** The county's requests, newest first: for /amtshilfe (open ones and the rest apart). */
export async function listHelpRequests(actor: Actor): Promise<{ open: HelpRequestView[]; closed: HelpRequestView[] }> {
  const requests = await findRequests(actor, {}, 200);
  return {
    open: requests.filter((request) => acceptsOffers(request.status)),
    closed: requests.filter((request) => !acceptsOffers(request.status)),
  };
}

export interface HelpHistoryEntry {
  id: string;
  action: string;
  actor: string | null;
  at: Date;
}

/** One request with its offers, placements and history (audit events), or null. */
export async function loadHelpRequest(
  actor: Actor,
  requestId: string,
): Promise<{ request: HelpRequestView; history: HelpHistoryEntry[] } | null> {
  const id = idSchema.safeParse(requestId);
  if (!id.success) return null;
  const [request] = await findRequests(actor, { id: id.data }, 1);
  if (!request) return null;
  const events = await db().auditEvent.findMany({
    where: { countyId: actor.countyId, subjectType: "HelpRequest", subjectId: request.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, createdAt: true, actor: { select: { name: true } } },
  });
  return {
    request,
    history: events.map((event) => ({ id: event.id, action: event.action, actor: event.actor?.name ?? null, at: event.createdAt })),
  };
}

/** Placements a municipality is part of that have not ended (as host or as requester). */
export async function loadCurrentPlacementsOf(actor: Actor, municipalityId: string): Promise<HelpPlacementView[]> {
  if (!can(actor, "help:read")) return [];
  const today = berlinDay();
  const rows = await db().helpPlacement.findMany({
    where: { countyId: actor.countyId, OR: [{ requesterId: municipalityId }, { hostId: municipalityId }] },
    orderBy: { startsOn: "asc" },
    select: requestSelect.placements.select,
  });
  return rows.map((row) => placementView(row, today)).filter((placement) => placement.state !== "ENDED");
}

/** The municipalities the actor may ask for or offer help on behalf of. */
export async function helpMunicipalitiesOf(actor: Actor): Promise<{ id: string; name: string; slug: string }[]> {
  if (!can(actor, "help:act")) return [];
  return db().municipality.findMany({
    where: helpingMunicipalities(actor),
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true },
  });
}

/** The county's placements, current ones first, then by start. */
export async function listHelpPlacements(actor: Actor): Promise<HelpPlacementView[]> {
  if (!can(actor, "help:read")) return [];
  const today = berlinDay();
  const rows = await db().helpPlacement.findMany({
    where: { countyId: actor.countyId },
    orderBy: { startsOn: "desc" },
    take: 200,
    select: requestSelect.placements.select,
  });
  const order = { RUNNING: 0, AGREED: 1, ENDED: 2 } as const;
  return rows.map((row) => placementView(row, today)).sort((a, b) => order[a.state] - order[b.state]);
}
