import { db } from "../db/client";
import { isListed } from "./lifecycle";
import { logger } from "../log";

/**
 * True for an offer that exists but is no longer listed (placed, deleted, expired, hidden after an
 * unanswered stale check, or still unconfirmed). Read by proxy.ts for the 410 answer; a database
 * error counts as "not gone", so the page itself decides (it checks again).
 */
export async function offerIsGone(id: string, now = new Date()): Promise<boolean> {
  try {
    const offer = await db().housingOffer.findUnique({
      where: { id },
      select: { status: true, createdAt: true, expiresAt: true, endedAt: true, staleHiddenAt: true },
    });
    return offer !== null && !isListed(offer, now);
  } catch (error) {
    logger.error({ err: error, offer: id }, "board: could not check offer");
    return false;
  }
}
