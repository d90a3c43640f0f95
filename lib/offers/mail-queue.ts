import type { Prisma } from "../db/client";
import type { MailMessage } from "../mail/message";
import { offerMails, type OfferMailKind } from "./mails";

// Offer mails are queued inside the transaction that changes the offer: both happen, or neither.

export type QueueInTransaction = (tx: Prisma.TransactionClient, message: MailMessage) => Promise<void>;

export interface OfferForMail {
  id: string;
  countyId: string;
  locale: string;
  type: string;
  persons: number;
  contactEmail: string | null;
  municipality: { name: string; mailboxEmail: string | null };
}

/** The offerer's mail and the municipality's copy; nothing once the contact data is erased. */
export async function queueOfferMails(
  queue: QueueInTransaction,
  tx: Prisma.TransactionClient,
  offer: OfferForMail,
  mail: OfferMailKind,
  appUrl: string,
): Promise<void> {
  if (!offer.contactEmail) return;
  const messages = await offerMails(
    {
      offerId: offer.id,
      countyId: offer.countyId,
      locale: offer.locale,
      type: offer.type,
      persons: offer.persons,
      municipalityName: offer.municipality.name,
      mailboxEmail: offer.municipality.mailboxEmail,
      contactEmail: offer.contactEmail,
      appUrl,
    },
    mail,
  );
  for (const message of messages) await queue(tx, message);
}
