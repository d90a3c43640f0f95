import "server-only";
import { recordAudit } from "../audit/record";
import { berlinDay, dayToDate } from "../dates";
import { db, Prisma } from "../db/client";
import { env } from "../env";
import type { Locale } from "../i18n/locales";
import { consumeLimits, type Limit } from "../security/rate-limit";
import { boardCounty } from "./board";
import {
  DAY,
  HOUR,
  isBot,
  mailAbout,
  offerWithPlace,
  rateLimited,
  type BoardFailure,
  type OfferWithPlace,
  type RequestContext,
} from "./board-request";
import { canExtend, expiryOnConfirm, expiryOnExtend, offerState, unconfirmedCutoff, type OfferState } from "./lifecycle";
import { keptOfferData } from "./stale";
import { manageLink, offerTitle } from "./mails";
import { fieldErrorsOf, offerInputSchema, resendLinksSchema, tokenSchema } from "./schema";
import { emailKey, hashOfferToken, newOfferToken } from "./tokens";

export type { BoardFailure, RequestContext } from "./board-request";
// The relay lives in contact.ts; importers keep finding it here.
export { contactOfferer } from "./contact";

// What citizens do on the public board: offer, confirm, extend, keep, end, and ask for their links
// again (writing to an offerer: contact.ts; seekers' feedback: feedback.ts). Every function
// returns a typed result; the server actions translate its codes into the visitor's language.

export async function submitOffer(
  raw: Record<string, unknown>,
  context: RequestContext,
): Promise<{ ok: true; email: string; offerId: string | null } | BoardFailure> {
  const now = context.now ?? new Date();
  const parsed = offerInputSchema(berlinDay(now)).safeParse(raw);
  if (isBot(raw)) return { ok: true, email: typeof raw.email === "string" ? raw.email.trim() : "", offerId: null };
  if (!parsed.success) return { ok: false, code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const input = parsed.data;

  const county = await boardCounty();
  // The municipality decides the county; it must be one of the board's.
  const municipality = await db().municipality.findFirst({ where: { id: input.municipalityId, countyId: county.id } });
  if (!municipality) return { ok: false, code: "VALIDATION", fieldErrors: { municipalityId: [{ code: "unknownMunicipality" }] } };

  // Consent needs a notice to consent to: without the county's (binding German) text, no offers.
  const privacy = await db().legalText.findUnique({
    where: { countyId_kind_locale: { countyId: county.id, kind: "PRIVACY", locale: "de" } },
  });
  if (!privacy) return { ok: false, code: "VALIDATION", fieldErrors: { privacy: [{ code: "privacyMissing" }] } };
  const privacyVersion = privacy.version;

  const limits: Limit[] = [
    { key: `offer-submit:address:${context.clientAddress}`, max: county.offerSubmitsPerHour, windowSeconds: HOUR },
    { key: `offer-submit:email:${emailKey(input.email)}`, max: 10, windowSeconds: DAY },
  ];
  const decision = await consumeLimits(db(), limits, () => now);
  if (!decision.ok) return rateLimited(decision.retryAfterSeconds);

  const { token, tokenHash } = newOfferToken();
  const created = await db().$transaction(async (tx) => {
    // Two submissions with one address at once: the second waits here and then counts the first.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`offer-open:${input.email}`}, 0))`;
    const open = await tx.housingOffer.count({
      where: { contactEmail: input.email, OR: [{ status: "PENDING" }, { status: "PUBLISHED", expiresAt: { gt: now } }] },
    });
    if (open >= county.offerMaxOpenPerEmail) return null;
    const offer = await tx.housingOffer.create({
      data: {
        countyId: county.id,
        municipalityId: municipality.id,
        locale: input.locale,
        type: input.type,
        postalCode: input.postalCode,
        district: input.district ?? null,
        persons: input.persons,
        rooms: input.rooms ?? null,
        sizeSqm: input.sizeSqm ?? null,
        availableFrom: dayToDate(input.availableFrom),
        availableUntil: input.availableUntil ? dayToDate(input.availableUntil) : null,
        warmRentEuros: input.freeOfCharge ? null : (input.warmRent ?? null),
        freeOfCharge: input.freeOfCharge,
        furnished: input.furnished,
        barrierFree: input.barrierFree,
        petsAllowed: input.petsAllowed,
        languages: input.languages,
        description: input.description,
        contactEmail: input.email,
        contactPhone: input.phone ?? null,
        publishPhone: input.publishPhone,
        durationDays: input.durationDays,
        privacyVersion,
        privacyAcceptedAt: now,
        createdAt: now,
        tokens: { create: { tokenHash, createdAt: now } },
      },
      include: offerWithPlace,
    });
    await recordAudit(tx, {
      countyId: county.id,
      actorId: null,
      action: "offer.submitted",
      subjectType: "HousingOffer",
      subjectId: offer.id,
    });
    await mailAbout(tx, offer, { kind: "confirm", manageLink: manageLink(env().APP_URL, offer.locale, token) });
    return offer;
  });
  if (!created) return { ok: false, code: "TOO_MANY_OPEN", max: county.offerMaxOpenPerEmail };
  return { ok: true, email: input.email, offerId: created.id };
}

/** The offer a manage link opens, or null for an unknown or malformed token. */
export async function offerByToken(token: unknown) {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const found = await db().offerToken.findUnique({
    where: { tokenHash: hashOfferToken(parsed.data) },
    include: { offer: { include: offerWithPlace } },
  });
  // Once personal data is erased the offer can no longer be managed.
  if (!found || found.offer.personalDataErasedAt) return null;
  return found.offer;
}

export type ManageAction = "confirm" | "extend" | "keep" | "delete" | "placed";

export type ManageResult = { ok: true; state: OfferState; expiresAt: Date | null } | BoardFailure;

/**
 * Confirm, extend or end an offer through its manage link. Each is a conditional update on the
 * state the offer must be in, so a double click or two tabs do the action once.
 */
export async function manageOffer(
  token: unknown,
  action: ManageAction,
  options: { wantsAdvice?: boolean; now?: Date } = {},
): Promise<ManageResult> {
  const now = options.now ?? new Date();
  const offer = await offerByToken(token);
  if (!offer) return { ok: false, code: "LINK_INVALID" };
  const state = offerState(offer, now);
  const link = manageLink(env().APP_URL, offer.locale, String(token));
  const audit = (tx: Prisma.TransactionClient, name: string, after?: Prisma.InputJsonValue) =>
    recordAudit(tx, { countyId: offer.countyId, actorId: null, action: name, subjectType: "HousingOffer", subjectId: offer.id, after });

  if (action === "confirm") {
    if (state !== "pending") return { ok: true, state, expiresAt: offer.expiresAt };
    // After 48 hours an unconfirmed offer is gone, whether or not the hourly job has run yet.
    if (offer.createdAt < unconfirmedCutoff(now)) return { ok: false, code: "LINK_INVALID" };
    const expiresAt = expiryOnConfirm(now, offer.durationDays);
    const confirmed = await db().$transaction(async (tx) => {
      const { count } = await tx.housingOffer.updateMany({
        where: { id: offer.id, status: "PENDING" },
        data: { status: "PUBLISHED", confirmedAt: now, expiresAt },
      });
      if (count) await audit(tx, "offer.confirmed", { expiresAt: expiresAt.toISOString() });
      return count > 0;
    });
    if (confirmed) return { ok: true, state: "published", expiresAt };
    const current = await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } });
    return { ok: true, state: offerState(current, now), expiresAt: current.expiresAt };
  }

  if (action === "extend") {
    if (!canExtend(state) || !offer.expiresAt) return { ok: false, code: "OFFER_ENDED" };
    const expiresAt = expiryOnExtend(offer.expiresAt, now);
    const changed = await db().$transaction(async (tx) => {
      // Conditional on the expiry read: of two simultaneous clicks, one extends.
      const { count } = await tx.housingOffer.updateMany({
        where: { id: offer.id, status: "PUBLISHED", expiresAt: offer.expiresAt },
        // Extending says the offer is current: it also answers a stale check and shows a hidden offer again.
        data: { expiresAt, reminderSentAt: null, ...keptOfferData(now) },
      });
      if (!count) return false;
      await audit(tx, "offer.extended", { by: "offerer", expiresAt: expiresAt.toISOString() });
      await mailAbout(tx, offer, { kind: "extended", manageLink: link, expiresAt });
      return true;
    });
    const current = changed ? expiresAt : ((await db().housingOffer.findUnique({ where: { id: offer.id } }))?.expiresAt ?? expiresAt);
    return { ok: true, state: "published", expiresAt: current };
  }

  if (action === "keep") {
    if (state !== "published") return { ok: false, code: "OFFER_ENDED" };
    const kept = await db().$transaction(async (tx) => {
      // Conditional on the keep read: of two simultaneous clicks, one keeps (and is audited).
      const { count } = await tx.housingOffer.updateMany({
        where: { id: offer.id, status: "PUBLISHED", expiresAt: { gt: now }, keptAt: offer.keptAt },
        data: keptOfferData(now),
      });
      if (count) await audit(tx, "offer.kept", { by: "offerer", wasHidden: offer.staleHiddenAt !== null });
      return count > 0;
    });
    if (!kept) {
      const current = await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } });
      return { ok: true, state: offerState(current, now), expiresAt: current.expiresAt };
    }
    return { ok: true, state: "published", expiresAt: offer.expiresAt };
  }

  // delete / placed
  if (state === "placed" || state === "deleted") return { ok: true, state, expiresAt: offer.expiresAt };
  const placed = action === "placed";
  const wantsAdvice = placed && options.wantsAdvice === true;
  const ended = await db().$transaction(async (tx) => {
    const { count } = await tx.housingOffer.updateMany({
      where: { id: offer.id, status: { in: ["PENDING", "PUBLISHED"] } },
      // A pending offer that is deleted was never confirmed: it keeps no confirmation or expiry.
      data: { status: placed ? "PLACED" : "DELETED", endedAt: now, endedBy: "OFFERER", wantsAdvice },
    });
    if (!count) return false;
    await audit(tx, placed ? "offer.placed" : "offer.deleted", { by: "offerer", wantsAdvice });
    await mailAbout(tx, offer, { kind: "ended", how: placed ? "placed" : "deleted", wantsAdvice });
    return true;
  });
  if (!ended) {
    const current = await db().housingOffer.findUniqueOrThrow({ where: { id: offer.id } });
    return { ok: true, state: offerState(current, now), expiresAt: current.expiresAt };
  }
  return { ok: true, state: placed ? "placed" : "deleted", expiresAt: offer.expiresAt };
}

/**
 * Checks a "send my links again" request and counts it against the limits. The sending itself
 * (sendLinks) runs after the answer in the app, so the answer takes as long for a known address
 * as for an unknown one, and says the same.
 */
export async function acceptLinksRequest(
  raw: Record<string, unknown>,
  context: RequestContext,
): Promise<{ ok: true; request: { email: string; locale: Locale } | null } | BoardFailure> {
  const now = context.now ?? new Date();
  const parsed = resendLinksSchema.safeParse(raw);
  if (isBot(raw)) return { ok: true, request: null };
  if (!parsed.success) return { ok: false, code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const { email, locale } = parsed.data;
  const decision = await consumeLimits(
    db(),
    [
      { key: `offer-links:address:${context.clientAddress}`, max: 10, windowSeconds: HOUR },
      { key: `offer-links:email:${emailKey(email)}`, max: 3, windowSeconds: HOUR },
    ],
    () => now,
  );
  if (!decision.ok) return rateLimited(decision.retryAfterSeconds);
  return { ok: true, request: { email, locale } };
}

/** Mails fresh manage links for the address's open offers, one mail per municipality. */
export async function sendLinks(request: { email: string; locale: Locale }, now = new Date()): Promise<void> {
  const offers = await db().housingOffer.findMany({
    where: { contactEmail: request.email, status: { in: ["PENDING", "PUBLISHED"] } },
    include: offerWithPlace,
    orderBy: { createdAt: "asc" },
  });
  // One mail per municipality, so each mailbox's copy shows only its own offers.
  const byMunicipality = new Map<string, OfferWithPlace[]>();
  for (const offer of offers) byMunicipality.set(offer.municipalityId, [...(byMunicipality.get(offer.municipalityId) ?? []), offer]);
  for (const group of byMunicipality.values()) {
    await db().$transaction(async (tx) => {
      const entries: { title: string; manageLink: string }[] = [];
      for (const offer of group) {
        const { token, tokenHash } = newOfferToken();
        await tx.offerToken.create({ data: { offerId: offer.id, tokenHash, createdAt: now } });
        entries.push({
          title: await offerTitle(request.locale, { type: offer.type, persons: offer.persons, municipalityName: offer.municipality.name }),
          manageLink: manageLink(env().APP_URL, request.locale, token),
        });
      }
      await mailAbout(tx, { ...group[0]!, locale: request.locale }, { kind: "links", offers: entries });
    });
  }
}

/** Both steps at once (for scripts and tests). */
export async function resendLinks(raw: Record<string, unknown>, context: RequestContext): Promise<{ ok: true } | BoardFailure> {
  const accepted = await acceptLinksRequest(raw, context);
  if (!accepted.ok) return accepted;
  if (accepted.request) await sendLinks(accepted.request, context.now);
  return { ok: true };
}
