import "server-only";
import { recordAudit } from "../audit/record";
import { berlinDay, dayToDate } from "../dates";
import { db, Prisma } from "../db/client";
import { env } from "../env";
import { queueMail } from "../jobs";
import { consumeLimits, type Limit } from "../security/rate-limit";
import { boardCounty } from "./board";
import { canExtend, expiryOnConfirm, expiryOnExtend, listedWhere, offerState, type OfferState } from "./lifecycle";
import { manageLink, offerMail, offerTitle, type OfferMailKind } from "./mails";
import { contactInputSchema, fieldErrorsOf, offerInputSchema, resendLinksSchema, tokenSchema, type FieldErrors } from "./schema";
import { emailKey, hashOfferToken, newOfferToken } from "./tokens";

// What citizens do on the public board: offer, confirm, extend, end, ask for their links again,
// and write to an offerer. Every function returns a typed result; the server actions translate
// its codes into the visitor's language.

export type BoardFailure =
  | { ok: false; code: "VALIDATION"; fieldErrors: FieldErrors }
  | { ok: false; code: "RATE_LIMITED"; retryAfterSeconds: number }
  | { ok: false; code: "TOO_MANY_OPEN"; max: number }
  | { ok: false; code: "LINK_INVALID" }
  | { ok: false; code: "OFFER_ENDED" };

export interface RequestContext {
  clientAddress: string;
  now?: Date;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

const offerWithPlace = { municipality: { select: { name: true, mailboxEmail: true } } } as const;
type OfferWithPlace = Prisma.HousingOfferGetPayload<{ include: typeof offerWithPlace }>;

async function mailAbout(offer: OfferWithPlace, mail: OfferMailKind): Promise<void> {
  if (!offer.contactEmail) return; // erased: nobody to write to
  await queueMail(
    await offerMail(
      {
        offerId: offer.id,
        countyId: offer.countyId,
        locale: offer.locale,
        type: offer.type,
        persons: offer.persons,
        municipalityName: offer.municipality.name,
        mailboxEmail: offer.municipality.mailboxEmail,
        contactEmail: offer.contactEmail,
      },
      mail,
    ),
  );
}

function rateLimited(retryAfterSeconds: number): BoardFailure {
  return { ok: false, code: "RATE_LIMITED", retryAfterSeconds };
}

/** The honeypot was filled in: answer as if all went well, store and send nothing. */
const isBot = (raw: Record<string, unknown>) => typeof raw.website === "string" && raw.website.trim() !== "";

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

  const limits: Limit[] = [
    { key: `offer-submit:address:${context.clientAddress}`, max: county.offerSubmitsPerHour, windowSeconds: HOUR },
    { key: `offer-submit:email:${emailKey(input.email)}`, max: 10, windowSeconds: DAY },
  ];
  const decision = await consumeLimits(db(), limits, () => now);
  if (!decision.ok) return rateLimited(decision.retryAfterSeconds);

  const privacy = await db().legalText.findUnique({
    where: { countyId_kind_locale: { countyId: county.id, kind: "PRIVACY", locale: "de" } },
  });
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
        privacyVersion: privacy?.version ?? 1,
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
    return offer;
  });
  if (!created) return { ok: false, code: "TOO_MANY_OPEN", max: county.offerMaxOpenPerEmail };
  await mailAbout(created, { kind: "confirm", manageLink: manageLink(env().APP_URL, created.locale, token) });
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

export type ManageAction = "confirm" | "extend" | "delete" | "placed";

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
    const expiresAt = expiryOnConfirm(now, offer.durationDays);
    await db().$transaction(async (tx) => {
      const { count } = await tx.housingOffer.updateMany({
        where: { id: offer.id, status: "PENDING" },
        data: { status: "PUBLISHED", confirmedAt: now, expiresAt },
      });
      if (count) await audit(tx, "offer.confirmed", { expiresAt: expiresAt.toISOString() });
    });
    return { ok: true, state: "published", expiresAt };
  }

  if (action === "extend") {
    if (!canExtend(state) || !offer.expiresAt) return { ok: false, code: "OFFER_ENDED" };
    const expiresAt = expiryOnExtend(offer.expiresAt, now);
    const changed = await db().$transaction(async (tx) => {
      // Conditional on the expiry read: of two simultaneous clicks, one extends.
      const { count } = await tx.housingOffer.updateMany({
        where: { id: offer.id, status: "PUBLISHED", expiresAt: offer.expiresAt },
        data: { expiresAt, reminderSentAt: null },
      });
      if (count) await audit(tx, "offer.extended", { by: "offerer", expiresAt: expiresAt.toISOString() });
      return count > 0;
    });
    if (changed) await mailAbout(offer, { kind: "extended", manageLink: link, expiresAt });
    const current = changed ? expiresAt : ((await db().housingOffer.findUnique({ where: { id: offer.id } }))?.expiresAt ?? expiresAt);
    return { ok: true, state: "published", expiresAt: current };
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
    if (count) await audit(tx, placed ? "offer.placed" : "offer.deleted", { by: "offerer", wantsAdvice });
    return count > 0;
  });
  if (ended) await mailAbout(offer, { kind: "ended", how: placed ? "placed" : "deleted", wantsAdvice });
  return { ok: true, state: placed ? "placed" : "deleted", expiresAt: offer.expiresAt };
}

/** Mails the manage links of the address's open offers. The answer never says whether there were any. */
export async function resendLinks(raw: Record<string, unknown>, context: RequestContext): Promise<{ ok: true } | BoardFailure> {
  const now = context.now ?? new Date();
  const parsed = resendLinksSchema.safeParse(raw);
  if (isBot(raw)) return { ok: true };
  if (!parsed.success) return { ok: false, code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const { email } = parsed.data;
  const decision = await consumeLimits(
    db(),
    [
      { key: `offer-links:address:${context.clientAddress}`, max: 10, windowSeconds: HOUR },
      { key: `offer-links:email:${emailKey(email)}`, max: 3, windowSeconds: HOUR },
    ],
    () => now,
  );
  if (!decision.ok) return rateLimited(decision.retryAfterSeconds);

  const offers = await db().housingOffer.findMany({
    where: { contactEmail: email, status: { in: ["PENDING", "PUBLISHED"] } },
    include: offerWithPlace,
    orderBy: { createdAt: "asc" },
  });
  // One mail per municipality, so each mailbox's copy shows only its own offers.
  const byMunicipality = new Map<string, OfferWithPlace[]>();
  for (const offer of offers) byMunicipality.set(offer.municipalityId, [...(byMunicipality.get(offer.municipalityId) ?? []), offer]);
  for (const group of byMunicipality.values()) {
    const entries: { title: string; manageLink: string }[] = [];
    for (const offer of group) {
      const { token, tokenHash } = newOfferToken();
      await db().offerToken.create({ data: { offerId: offer.id, tokenHash, createdAt: now } });
      entries.push({
        title: await offerTitle(parsed.data.locale, {
          type: offer.type,
          persons: offer.persons,
          municipalityName: offer.municipality.name,
        }),
        manageLink: manageLink(env().APP_URL, parsed.data.locale, token),
      });
    }
    await mailAbout({ ...group[0]!, locale: parsed.data.locale }, { kind: "links", offers: entries });
  }
  return { ok: true };
}

/** A seeker writes to an offerer: the server relays it; the offerer's address is never shown. */
export async function contactOfferer(
  offerId: unknown,
  raw: Record<string, unknown>,
  context: RequestContext,
): Promise<{ ok: true } | BoardFailure> {
  const now = context.now ?? new Date();
  const parsed = contactInputSchema.safeParse(raw);
  if (typeof offerId !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(offerId)) return { ok: false, code: "OFFER_ENDED" };
  if (isBot(raw)) return { ok: true };
  if (!parsed.success) return { ok: false, code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const offer = await db().housingOffer.findFirst({ where: { id: offerId, ...listedWhere(now) }, include: offerWithPlace });
  if (!offer) return { ok: false, code: "OFFER_ENDED" };
  const county = await db().county.findUniqueOrThrow({ where: { id: offer.countyId } });
  const decision = await consumeLimits(
    db(),
    [
      { key: `offer-contact:address:${context.clientAddress}`, max: county.offerContactsPerHour, windowSeconds: HOUR },
      { key: `offer-contact:sender:${emailKey(parsed.data.email)}`, max: 20, windowSeconds: DAY },
      { key: `offer-contact:offer:${offer.id}`, max: 30, windowSeconds: DAY },
    ],
    () => now,
  );
  if (!decision.ok) return rateLimited(decision.retryAfterSeconds);
  await db().offerContact.create({
    data: {
      offerId: offer.id,
      senderName: parsed.data.name,
      senderEmail: parsed.data.email,
      message: parsed.data.message,
      locale: parsed.data.locale,
      createdAt: now,
    },
  });
  await mailAbout(offer, { kind: "contact", name: parsed.data.name, email: parsed.data.email, message: parsed.data.message });
  return { ok: true };
}
