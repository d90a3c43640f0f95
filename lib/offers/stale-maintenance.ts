import type { Prisma, PrismaClient } from "../db/client";
import { listedWhere } from "./lifecycle";
import { queueOfferMails, type QueueInTransaction } from "./mail-queue";
import { manageLink } from "./mails";
import { answerCutoff, countMarks, quietCutoff, staleCheckReason, staleHideDue } from "./stale";
import { newOfferToken } from "./tokens";

// The stale-offer step of the hourly board job (lib/offers/maintenance.ts): hide offers whose
// check went unanswered, then ask offerers whose offers are due. The rules are lib/offers/stale.ts;
// the queries here only narrow the candidates, and each change re-checks its rule under a row lock.

export interface StaleStepDependencies {
  prisma: PrismaClient;
  queueMail: QueueInTransaction;
  appUrl: string;
}

const feedbackOnly = { where: { feedback: { not: null } }, select: { feedback: true, feedbackAt: true } } as const;

/** Locks the offer row, or returns false when another run holds it (that run decides). */
async function lockOffer(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM housing_offer WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
  return rows.length > 0;
}

// Not recordAudit (lib/audit/record.ts): that module is server-only, and this runs in the job worker.
function audit(tx: Prisma.TransactionClient, offer: { id: string; countyId: string }, action: string, after?: Prisma.InputJsonValue) {
  return tx.auditEvent.create({
    data: { countyId: offer.countyId, actorId: null, action, subjectType: "HousingOffer", subjectId: offer.id, after },
  });
}

export async function runStaleOfferStep(deps: StaleStepDependencies, now: Date): Promise<{ staleChecked: number; staleHidden: number }> {
  const { prisma } = deps;

  let staleHidden = 0;
  const unanswered = await prisma.housingOffer.findMany({
    where: { ...listedWhere(now), isDemo: false, staleCheckSentAt: { lte: answerCutoff(now) } },
    select: { id: true },
  });
  for (const { id } of unanswered) {
    const hidden = await prisma.$transaction(async (tx) => {
      if (!(await lockOffer(tx, id))) return false;
      // Read under the lock: a "Ja, noch aktuell" that came first ends the round.
      const offer = await tx.housingOffer.findUniqueOrThrow({ where: { id } });
      if (!staleHideDue(offer, now)) return false;
      await tx.housingOffer.update({ where: { id }, data: { staleHiddenAt: now } });
      await audit(tx, offer, "offer.stale-hidden", { checkSentAt: offer.staleCheckSentAt!.toISOString() });
      return true;
    });
    if (hidden) staleHidden += 1;
  }

  // Candidates: listed, not yet asked, with some feedback or quiet for long enough.
  const quiet = quietCutoff(now);
  const candidates = await prisma.housingOffer.findMany({
    where: {
      ...listedWhere(now),
      isDemo: false,
      staleCheckSentAt: null,
      contactEmail: { not: null },
      OR: [
        { contacts: { some: { feedback: { not: null } } } },
        { AND: [{ OR: [{ confirmedAt: null }, { confirmedAt: { lte: quiet } }] }, { OR: [{ keptAt: null }, { keptAt: { lte: quiet } }] }] },
      ],
    },
    select: { id: true },
  });
  let staleChecked = 0;
  for (const { id } of candidates) {
    // One transaction per check: claimed (staleCheckSentAt), given a fresh link and its mail queued,
    // all or nothing. A crash leaves it unclaimed for the next run; it is never sent twice.
    const sent = await prisma.$transaction(async (tx) => {
      if (!(await lockOffer(tx, id))) return false;
      const offer = await tx.housingOffer.findUniqueOrThrow({ where: { id }, include: { municipality: true, contacts: feedbackOnly } });
      const reason = staleCheckReason(offer, countMarks(offer.contacts, offer.keptAt), now);
      if (!reason || !offer.contactEmail) return false;
      await tx.housingOffer.update({ where: { id }, data: { staleCheckSentAt: now } });
      const { token, tokenHash } = newOfferToken();
      await tx.offerToken.create({ data: { offerId: id, tokenHash, createdAt: now } });
      await audit(tx, offer, "offer.stale-check", { reason });
      const link = manageLink(deps.appUrl, offer.locale, token);
      await queueOfferMails(deps.queueMail, tx, offer, { kind: "staleCheck", manageLink: link, reason }, deps.appUrl);
      return true;
    });
    if (sent) staleChecked += 1;
  }
  return { staleChecked, staleHidden };
}
