import type { PrismaClient } from "../db/client";
import { erasureCutoff, reminderWindowEnd, unconfirmedCutoff } from "./lifecycle";
import { queueOfferMails, type QueueInTransaction } from "./mail-queue";
import { manageLink } from "./mails";
import { runStaleOfferStep } from "./stale-maintenance";
import { newOfferToken } from "./tokens";

/** What an erased offer's free text reads (the column may not be empty). */
export const ERASED_DESCRIPTION = "[gelöscht]";

// The board's hourly job: delete unconfirmed offers after 48 hours, remind offerers a day before
// expiry, ask offerers of stale offers and hide unanswered ones (stale-maintenance.ts), and erase
// personal data `offerRetentionDays` after an offer ended, and prune the cache's old change
// events. Expiry itself needs no job: the list query excludes expired offers at the instant they
// expire.

export interface MaintenanceDependencies {
  prisma: PrismaClient;
  /** Queues a mail inside the transaction that claims the reminder. */
  queueMail: QueueInTransaction;
  appUrl: string;
  now?: Date;
}

export async function runOfferMaintenance(deps: MaintenanceDependencies) {
  const now = deps.now ?? new Date();
  const { prisma } = deps;

  const { count: unconfirmedDeleted } = await prisma.housingOffer.deleteMany({
    where: { status: "PENDING", createdAt: { lt: unconfirmedCutoff(now) } },
  });

  // One transaction per reminder: the offer is locked (SKIP LOCKED, so a second instance takes
  // the next one), marked as reminded, given a fresh link and its mail queued, all or nothing.
  // A crash in between leaves it unreminded for the next run; it is never reminded twice.
  let reminded = 0;
  for (;;) {
    const sent = await prisma.$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM housing_offer
         WHERE status = 'PUBLISHED' AND reminder_sent_at IS NULL AND contact_email IS NOT NULL
           AND expires_at > ${now} AND expires_at <= ${reminderWindowEnd(now)}
         ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due) return false;
      const offer = await tx.housingOffer.update({ where: { id: due.id }, data: { reminderSentAt: now }, include: { municipality: true } });
      const { token, tokenHash } = newOfferToken();
      await tx.offerToken.create({ data: { offerId: offer.id, tokenHash, createdAt: now } });
      await queueOfferMails(
        deps.queueMail,
        tx,
        offer,
        { kind: "reminder", manageLink: manageLink(deps.appUrl, offer.locale, token), expiresAt: offer.expiresAt! },
        deps.appUrl,
      );
      return true;
    });
    if (!sent) break;
    reminded += 1;
  }

  const { staleChecked, staleHidden } = await runStaleOfferStep(deps, now);

  let erased = 0;
  const counties = await prisma.county.findMany({ select: { id: true, offerRetentionDays: true } });
  for (const county of counties) {
    const cutoff = erasureCutoff(now, county.offerRetentionDays);
    const due = await prisma.housingOffer.findMany({
      where: {
        countyId: county.id,
        personalDataErasedAt: null,
        OR: [
          { status: { in: ["PLACED", "DELETED"] }, endedAt: { lt: cutoff } },
          { status: "PUBLISHED", expiresAt: { lt: cutoff } },
        ],
      },
      select: { id: true },
    });
    const ids = due.map((offer) => offer.id);
    if (!ids.length) continue;
    await prisma.$transaction([
      // The conditions again: an offer extended since it was read is not erased.
      prisma.housingOffer.updateMany({
        where: {
          id: { in: ids },
          personalDataErasedAt: null,
          OR: [
            { status: { in: ["PLACED", "DELETED"] }, endedAt: { lt: cutoff } },
            { status: "PUBLISHED", expiresAt: { lt: cutoff } },
          ],
        },
        // Free text may name people or places too; the figures (type, persons, rent …) stay.
        data: {
          contactEmail: null,
          contactPhone: null,
          publishPhone: false,
          description: ERASED_DESCRIPTION,
          district: null,
          personalDataErasedAt: now,
        },
      }),
      prisma.offerContact.updateMany({
        where: { offerId: { in: ids }, offer: { personalDataErasedAt: { not: null } } },
        // The seeker's feedback link goes with the rest; a feedback given stays (no personal data).
        data: { senderName: null, senderEmail: null, message: null, feedbackTokenHash: null },
      }),
      prisma.offerToken.deleteMany({ where: { offerId: { in: ids }, offer: { personalDataErasedAt: { not: null } } } }),
    ]);
    erased += ids.length;
  }
  // Mail the local catcher kept (trial mode only) holds the same addresses: kept as long.
  for (const county of counties) {
    await prisma.caughtMail.deleteMany({
      where: { countyId: county.id, receivedAt: { lt: erasureCutoff(now, county.offerRetentionDays) } },
    });
  }
  await prisma.caughtMail.deleteMany({ where: { countyId: null, receivedAt: { lt: erasureCutoff(now, 30) } } });

  // The cache's change events (lib/cache/next-cache-handler.mjs) matter only while an entry read
  // before them may still be kept: an hour. Two hours leave room; future expiries stay.
  const eventCutoff = new Date(now.getTime() - 2 * 3_600_000);
  await prisma.cacheTagEvent.deleteMany({
    where: { createdAt: { lt: eventCutoff }, OR: [{ dueAt: null }, { dueAt: { lt: eventCutoff } }] },
  });

  return { unconfirmedDeleted, reminded, staleChecked, staleHidden, erased };
}
