import "server-only";
import { loadCeilingTables } from "./rent-ceiling-service";
import { assessRent } from "./rent-ceilings";
import { type Actor, can, overseeableOffers } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { db, Prisma } from "../db/client";
import { env } from "../env";
import { AppError, forbidden, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { queueMailInTransaction } from "../jobs";
import { canExtend, expiryOnExtend, offerState, type OfferState } from "./lifecycle";
import { queueOfferMails } from "./mail-queue";
import { manageLink, type OfferMailKind } from "./mails";
import { OFFER_STATES, offerIdSchema, staffOfferActionSchema } from "./oversight-schema";
import { keptOfferData, staleView } from "./stale";
import { newOfferToken } from "./tokens";

// Staff follow the offers of their municipality (clerks) or county (coordinators, admins),
// extend or end them with a reason, and follow up placed offers whose offerers asked for advice.
// Every query carries the access rule itself: an offer outside it is simply not found.

/** At most this many offers per list; the counts above the table are complete. */
export const STAFF_LIST_LIMIT = 500;

const OFFER_NOT_FOUND = "Das Angebot wurde nicht gefunden.";

function requireOversight(actor: Actor) {
  if (!can(actor, "offers:oversee")) throw forbidden();
}

function validation(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  return new AppError("VALIDATION", "Bitte prüfen Sie die markierten Angaben.", zodFieldErrors(issues));
}

/** The query condition of each state (see lifecycle.offerState). */
function stateWhere(state: OfferState, now: Date): Prisma.HousingOfferWhereInput {
  switch (state) {
    case "pending":
      return { status: "PENDING" };
    case "published":
      return { status: "PUBLISHED", expiresAt: { gt: now } };
    case "expired":
      return { status: "PUBLISHED", expiresAt: { lte: now } };
    case "placed":
      return { status: "PLACED" };
    case "deleted":
      return { status: "DELETED" };
  }
}

// No contact data: staff see it only in the follow-up list, where each view is recorded.
const STAFF_FIELDS = {
  id: true,
  status: true,
  type: true,
  persons: true,
  municipalityId: true,
  warmRentEuros: true,
  freeOfCharge: true,
  postalCode: true,
  createdAt: true,
  confirmedAt: true,
  expiresAt: true,
  endedAt: true,
  endedBy: true,
  isDemo: true,
  personalDataErasedAt: true,
  keptAt: true,
  staleCheckSentAt: true,
  staleHiddenAt: true,
  municipality: { select: { name: true } },
  _count: { select: { contacts: true } },
  // Seekers' feedback without who gave it: kind and time only.
  contacts: { where: { feedback: { not: null } }, select: { feedback: true, feedbackAt: true } },
} satisfies Prisma.HousingOfferSelect;

export async function listStaffOffers(actor: Actor, filter: { state?: OfferState } = {}, now = new Date()) {
  requireOversight(actor);
  const scope = overseeableOffers(actor);
  const where = { ...scope, ...(filter.state ? stateWhere(filter.state, now) : {}) };
  const [rows, ceilings, staleHidden, ...counts] = await Promise.all([
    db().housingOffer.findMany({ where, select: STAFF_FIELDS, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: STAFF_LIST_LIMIT }),
    loadCeilingTables(actor.countyId),
    // Published but hidden after an unanswered "still current?" check (counted among "published").
    db().housingOffer.count({ where: { ...scope, ...stateWhere("published", now), staleHiddenAt: { not: null } } }),
    ...OFFER_STATES.map((state) => db().housingOffer.count({ where: { ...scope, ...stateWhere(state, now) } })),
  ]);
  const countByState = Object.fromEntries(OFFER_STATES.map((state, index) => [state, counts[index] as number])) as Record<
    OfferState,
    number
  >;
  const offers = rows.map(({ _count, municipality, contacts, keptAt, staleCheckSentAt, staleHiddenAt, ...offer }) => ({
    ...offer,
    municipalityName: municipality.name,
    contactCount: _count.contacts,
    state: offerState(offer, now),
    // The stale-offer round (lib/offers/stale.ts): marks since the last keep, check, hiding.
    stale: staleView({ keptAt, staleCheckSentAt, staleHiddenAt }, contacts),
    // Moderators see rents above the county's ceiling (KdU) for the persons the offer can house.
    rent: assessRent(offer, ceilings.get(offer.municipalityId)),
  }));
  return {
    offers,
    counts: countByState,
    staleHidden,
    total: filter.state ? countByState[filter.state] : counts.reduce((sum, n) => sum + n, 0),
  };
}

export type StaffOffer = Awaited<ReturnType<typeof listStaffOffers>>["offers"][number];

const withPlace = { municipality: { select: { name: true, mailboxEmail: true } } } as const;
type OfferWithPlace = Prisma.HousingOfferGetPayload<{ include: typeof withPlace }>;

async function overseenOffer(actor: Actor, offerId: string): Promise<OfferWithPlace> {
  const offer = await db().housingOffer.findFirst({ where: { id: offerId, ...overseeableOffers(actor) }, include: withPlace });
  if (!offer) throw notFound(OFFER_NOT_FOUND);
  return offer;
}

/** Queued in the transaction that changes the offer (lib/offers/mail-queue.ts). */
function mailOfferer(tx: Prisma.TransactionClient, offer: OfferWithPlace, mail: OfferMailKind): Promise<void> {
  return queueOfferMails(queueMailInTransaction, tx, offer, mail, env().APP_URL);
}

export interface StaffActionResult {
  /** False when the offer was already in the wanted state (a double submit, or someone else). */
  changed: boolean;
  expiresAt?: Date;
}

/** Extends a published or expired offer by 7 days; the offerer gets a mail with a fresh manage link. */
export async function staffExtendOffer(actor: Actor, offerId: unknown, reason: unknown, now = new Date()): Promise<StaffActionResult> {
  requireOversight(actor);
  const parsed = staffOfferActionSchema.safeParse({ offerId, reason });
  if (!parsed.success) throw validation(parsed.error.issues);
  const offer = await overseenOffer(actor, parsed.data.offerId);
  const state = offerState(offer, now);
  if (!canExtend(state) || !offer.expiresAt) {
    throw new AppError("CONFLICT", "Nur veröffentlichte oder abgelaufene Angebote können verlängert werden.");
  }
  if (!offer.contactEmail) {
    throw new AppError("CONFLICT", "Die Kontaktdaten dieses Angebots sind bereits gelöscht; es kann nicht mehr verlängert werden.");
  }
  const expiresAt = expiryOnExtend(offer.expiresAt, now);
  const { token, tokenHash } = newOfferToken();
  const changed = await db().$transaction(async (tx) => {
    // Conditional on the expiry read: of two submits, one extends.
    const { count } = await tx.housingOffer.updateMany({
      where: { id: offer.id, ...overseeableOffers(actor), status: "PUBLISHED", expiresAt: offer.expiresAt, personalDataErasedAt: null },
      data: { expiresAt, reminderSentAt: null, ...keptOfferData(now) },
    });
    if (!count) return false;
    await tx.offerToken.create({ data: { offerId: offer.id, tokenHash, createdAt: now } });
    await recordAudit(tx, {
      countyId: offer.countyId,
      actorId: actor.id,
      action: "offer.extended",
      subjectType: "HousingOffer",
      subjectId: offer.id,
      before: { expiresAt: offer.expiresAt!.toISOString() },
      after: { by: "staff", reason: parsed.data.reason, expiresAt: expiresAt.toISOString() },
    });
    await mailOfferer(tx, offer, { kind: "extended", manageLink: manageLink(env().APP_URL, offer.locale, token), expiresAt });
    return true;
  });
  if (!changed) return { changed: false };

  return { changed: true, expiresAt };
}

/** Ends a pending or published (also expired) offer; the offerer is told why. */
export async function staffEndOffer(actor: Actor, offerId: unknown, reason: unknown, now = new Date()): Promise<StaffActionResult> {
  requireOversight(actor);
  const parsed = staffOfferActionSchema.safeParse({ offerId, reason });
  if (!parsed.success) throw validation(parsed.error.issues);
  const offer = await overseenOffer(actor, parsed.data.offerId);
  if (offer.status === "PLACED" || offer.status === "DELETED") return { changed: false };
  const changed = await db().$transaction(async (tx) => {
    const { count } = await tx.housingOffer.updateMany({
      where: { id: offer.id, ...overseeableOffers(actor), status: { in: ["PENDING", "PUBLISHED"] } },
      data: { status: "DELETED", endedAt: now, endedBy: "STAFF" },
    });
    if (!count) return false;
    await recordAudit(tx, {
      countyId: offer.countyId,
      actorId: actor.id,
      action: "offer.deleted",
      subjectType: "HousingOffer",
      subjectId: offer.id,
      before: { status: offer.status },
      after: { by: "staff", reason: parsed.data.reason },
    });
    await mailOfferer(tx, offer, { kind: "ended", how: "staff", reason: parsed.data.reason });
    return true;
  });

  return { changed };
}

const FOLLOW_UP_LIMIT = 200;

/**
 * Placed offers whose offerers asked for advice, open ones first. This is the only staff view
 * with contact data, so every call records which offers' contact data it showed.
 */
export async function listAdviceFollowUps(actor: Actor) {
  requireOversight(actor);
  return db().$transaction(async (tx) => {
    const offers = await tx.housingOffer.findMany({
      where: { ...overseeableOffers(actor), status: "PLACED", wantsAdvice: true },
      select: {
        id: true,
        countyId: true,
        type: true,
        persons: true,
        postalCode: true,
        endedAt: true,
        adviceDoneAt: true,
        isDemo: true,
        contactEmail: true,
        contactPhone: true,
        locale: true,
        municipality: { select: { name: true } },
      },
      orderBy: [{ adviceDoneAt: { sort: "desc", nulls: "first" } }, { endedAt: "desc" }, { id: "asc" }],
      take: FOLLOW_UP_LIMIT,
    });
    const shown = offers.filter((offer) => offer.contactEmail !== null || offer.contactPhone !== null);
    if (shown.length) {
      await tx.auditEvent.createMany({
        data: shown.map((offer) => ({
          countyId: offer.countyId,
          actorId: actor.id,
          action: "offer.contact-viewed",
          subjectType: "HousingOffer",
          subjectId: offer.id,
        })),
      });
    }
    return offers;
  });
}

/** Open follow-ups, for the hint on the offer list (no contact data, so nothing to record). */
export async function countOpenFollowUps(actor: Actor): Promise<number> {
  if (!can(actor, "offers:oversee")) return 0;
  return db().housingOffer.count({ where: { ...overseeableOffers(actor), status: "PLACED", wantsAdvice: true, adviceDoneAt: null } });
}

export async function markAdviceDone(actor: Actor, offerId: unknown, now = new Date()): Promise<StaffActionResult> {
  requireOversight(actor);
  const parsed = offerIdSchema.safeParse({ offerId });
  if (!parsed.success) throw validation(parsed.error.issues);
  const where = { id: parsed.data.offerId, ...overseeableOffers(actor), status: "PLACED" as const, wantsAdvice: true };
  return db().$transaction(async (tx) => {
    const offer = await tx.housingOffer.findFirst({ where, select: { id: true, countyId: true } });
    if (!offer) throw notFound(OFFER_NOT_FOUND);
    const { count } = await tx.housingOffer.updateMany({ where: { ...where, adviceDoneAt: null }, data: { adviceDoneAt: now } });
    if (count) {
      await recordAudit(tx, {
        countyId: offer.countyId,
        actorId: actor.id,
        action: "offer.advice-done",
        subjectType: "HousingOffer",
        subjectId: offer.id,
      });
    }
    return { changed: count > 0 };
  });
}
