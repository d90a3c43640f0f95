import type { PrismaClient } from "../db/client";
import type { MailMessage } from "../mail/message";
import { erasureCutoff, reminderWindowEnd, unconfirmedCutoff } from "./lifecycle";
import { manageLink, offerMail } from "./mails";
import { newOfferToken } from "./tokens";

// The board's hourly job: delete unconfirmed offers after 48 hours, remind offerers a day before
// expiry, and erase personal data `offerRetentionDays` after an offer ended. Expiry itself needs
// no job: the list query excludes expired offers at the instant they expire.

export interface MaintenanceDependencies {
  prisma: PrismaClient;
  queueMail: (message: MailMessage) => Promise<void>;
  appUrl: string;
  now?: Date;
}

export async function runOfferMaintenance(deps: MaintenanceDependencies) {
  const now = deps.now ?? new Date();
  const { prisma } = deps;

  const { count: unconfirmedDeleted } = await prisma.housingOffer.deleteMany({
    where: { status: "PENDING", createdAt: { lt: unconfirmedCutoff(now) } },
  });

  // Claiming with one UPDATE … RETURNING: with two instances running the job, each offer is
  // claimed (and reminded) by exactly one of them.
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE housing_offer SET reminder_sent_at = ${now}
     WHERE status = 'PUBLISHED' AND reminder_sent_at IS NULL AND contact_email IS NOT NULL
       AND expires_at > ${now} AND expires_at <= ${reminderWindowEnd(now)}
    RETURNING id`;
  for (const { id } of claimed) {
    const offer = await prisma.housingOffer.findUniqueOrThrow({ where: { id }, include: { municipality: true } });
    const { token, tokenHash } = newOfferToken();
    await prisma.offerToken.create({ data: { offerId: id, tokenHash, createdAt: now } });
    await deps.queueMail(
      await offerMail(
        {
          offerId: id,
          countyId: offer.countyId,
          locale: offer.locale,
          type: offer.type,
          persons: offer.persons,
          municipalityName: offer.municipality.name,
          mailboxEmail: offer.municipality.mailboxEmail,
          contactEmail: offer.contactEmail!,
        },
        { kind: "reminder", manageLink: manageLink(deps.appUrl, offer.locale, token), expiresAt: offer.expiresAt! },
      ),
    );
  }

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
      prisma.housingOffer.updateMany({
        where: { id: { in: ids } },
        data: { contactEmail: null, contactPhone: null, publishPhone: false, personalDataErasedAt: now },
      }),
      prisma.offerContact.updateMany({ where: { offerId: { in: ids } }, data: { senderName: null, senderEmail: null, message: null } }),
      prisma.offerToken.deleteMany({ where: { offerId: { in: ids } } }),
    ]);
    erased += ids.length;
  }
  return { unconfirmedDeleted, reminded: claimed.length, erased };
}
