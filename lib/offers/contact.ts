import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import { queueMailInTransaction } from "../jobs";
import { consumeLimits } from "../security/rate-limit";
import { DAY, HOUR, isBot, mailAbout, offerWithPlace, rateLimited, type BoardFailure, type RequestContext } from "./board-request";
import { listedWhere } from "./lifecycle";
import { feedbackLink, seekerConfirmationMail } from "./mails";
import { contactInputSchema, fieldErrorsOf } from "./schema";
import { emailKey, newOfferToken } from "./tokens";

/**
 * A seeker writes to an offerer: the server relays it; the offerer's address is never shown. The
 * seeker gets a confirmation with a feedback link ("no answer", "already taken"; the token is
 * stored only as a hash). Both mails are queued with the stored message, under the same limits.
 */
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
  // An offer whose contact data is gone cannot take messages (nobody would receive them).
  const offer = await db().housingOffer.findFirst({
    where: { id: offerId, ...listedWhere(now), contactEmail: { not: null } },
    include: offerWithPlace,
  });
  if (!offer) return { ok: false, code: "OFFER_ENDED" };
  const county = await db().county.findUniqueOrThrow({ where: { id: offer.countyId } });
  const decision = await consumeLimits(
    db(),
    [
      { key: `offer-contact:address:${context.clientAddress}`, max: county.offerContactsPerHour, windowSeconds: HOUR },
      // Also bounds the confirmations one address can be sent by others typing it in.
      { key: `offer-contact:sender:${emailKey(parsed.data.email)}`, max: 20, windowSeconds: DAY },
      { key: `offer-contact:offer:${offer.id}`, max: 30, windowSeconds: DAY },
    ],
    () => now,
  );
  if (!decision.ok) return rateLimited(decision.retryAfterSeconds);
  const { token, tokenHash } = newOfferToken();
  const confirmation = await seekerConfirmationMail({
    to: parsed.data.email,
    locale: parsed.data.locale,
    countyId: offer.countyId,
    offer: { type: offer.type, persons: offer.persons, municipalityName: offer.municipality.name },
    feedbackLink: feedbackLink(env().APP_URL, parsed.data.locale, token),
  });
  await db().$transaction(async (tx) => {
    await tx.offerContact.create({
      data: {
        offerId: offer.id,
        senderName: parsed.data.name,
        senderEmail: parsed.data.email,
        message: parsed.data.message,
        locale: parsed.data.locale,
        createdAt: now,
        feedbackTokenHash: tokenHash,
      },
    });
    await mailAbout(tx, offer, { kind: "contact", name: parsed.data.name, email: parsed.data.email, message: parsed.data.message });
    await queueMailInTransaction(tx, confirmation);
  });
  return { ok: true };
}
