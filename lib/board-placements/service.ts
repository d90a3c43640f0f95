import "server-only";
import { type Actor, can, overseeableOffers } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { berlinDay, dayToDate, formatDay } from "../dates";
import { db } from "../db/client";
import { AppError, forbidden, notFound } from "../errors";
import { zodFieldErrors } from "../forms";
import { boardPlacementSchema } from "./schema";

// Recording that an offer of the board led to a placement. The municipality comes from the
// offer's row, never from the client; the offer is looked up with the actor's oversight rule, so
// a clerk finds only its own municipality's offers and a replayed call with another id finds
// nothing. Placements are the municipality's own figures, so only those who report may record.

const CHECK_INPUT = "Bitte prüfen Sie die markierten Angaben.";

export interface RecordedBoardPlacement {
  id: string;
  offerId: string;
  municipalityId: string;
  /** For the pages to refresh (/kommunen/<slug>). */
  municipalitySlug: string;
  householdSize: number;
  placedOn: string;
}

export async function recordBoardPlacement(actor: Actor, raw: unknown, now = new Date()): Promise<RecordedBoardPlacement> {
  if (!can(actor, "report:write") || !can(actor, "offers:oversee")) throw forbidden();
  const parsed = boardPlacementSchema(berlinDay(now)).safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", CHECK_INPUT, zodFieldErrors(parsed.error.issues));
  const { offerId, householdSize, placedOn } = parsed.data;
  return db().$transaction(async (tx) => {
    const offer = await tx.housingOffer.findFirst({
      where: { id: offerId, ...overseeableOffers(actor) },
      select: { id: true, countyId: true, municipalityId: true, status: true, confirmedAt: true, municipality: { select: { slug: true } } },
    });
    if (!offer) throw notFound("Das Angebot wurde nicht gefunden.");
    // An unconfirmed offer was never on the board, so nobody can have found a home through it.
    if (offer.status === "PENDING" || !offer.confirmedAt) {
      throw new AppError("CONFLICT", "Dieses Angebot wurde nie veröffentlicht; dafür kann keine Vermittlung erfasst werden.");
    }
    const publishedOn = berlinDay(offer.confirmedAt);
    if (placedOn < publishedOn) {
      throw new AppError("VALIDATION", CHECK_INPUT, {
        placedOn: [`Das Angebot ist erst seit dem ${formatDay(publishedOn)} veröffentlicht.`],
      });
    }
    const placement = await tx.boardPlacement.create({
      data: {
        countyId: offer.countyId,
        municipalityId: offer.municipalityId,
        offerId: offer.id,
        householdSize,
        placedOn: dayToDate(placedOn),
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      countyId: offer.countyId,
      actorId: actor.id,
      action: "board.placement.recorded",
      subjectType: "BoardPlacement",
      subjectId: placement.id,
      after: { offerId: offer.id, municipalityId: offer.municipalityId, householdSize, placedOn },
    });
    return {
      id: placement.id,
      offerId: offer.id,
      municipalityId: offer.municipalityId,
      municipalitySlug: offer.municipality.slug,
      householdSize,
      placedOn,
    };
  });
}
