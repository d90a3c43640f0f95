import { formatDay } from "../dates";
import { formatNumber } from "../format";
import type { MailMessage } from "../mail/message";
import { ACCOMMODATION_LABELS } from "./schema";

// The mails of inter-municipal help. Each links to the request's page, where every step is a
// button (a POST): no link in a mail changes anything. No comments in mails: they may say more
// about the persons than a mailbox should keep.

export interface HelpMailContext {
  to: string[];
  countyId: string;
  requestLink: string;
  requester: string;
  persons: number;
}

const signature = "\n\n-- \nWohnraum, Koordinierung der Unterbringung";

function mail(context: HelpMailContext, subject: string, lines: string[]): MailMessage {
  return {
    to: context.to,
    countyId: context.countyId,
    subject,
    text: `${lines.join("\n")}\n\nZur Anfrage: ${context.requestLink}${signature}`,
  };
}

export function requestOpenedMail(
  context: HelpMailContext,
  request: { composition: string; neededBy: string; accommodation: keyof typeof ACCOMMODATION_LABELS; addressedTo: string | null },
): MailMessage {
  return mail(context, `Amtshilfe: ${context.requester} bittet um ${formatNumber(context.persons)} Plätze`, [
    `${context.requester} bittet ${request.addressedTo ? `${request.addressedTo} ` : ""}um Unterbringung für ${formatNumber(context.persons)} Personen (${request.composition}).`,
    `Benötigt bis: ${formatDay(request.neededBy)}, Unterbringung: ${ACCOMMODATION_LABELS[request.accommodation]}.`,
    "Plätze anbieten können Sie auf der Seite der Anfrage.",
  ]);
}

export function offerMadeMail(context: HelpMailContext, offer: { host: string; persons: number; availableFrom: string }): MailMessage {
  return mail(context, `Amtshilfe: ${offer.host} bietet ${formatNumber(offer.persons)} Plätze für ${context.requester}`, [
    `${offer.host} bietet ${formatNumber(offer.persons)} Plätze ab ${formatDay(offer.availableFrom)} für die Anfrage von ${context.requester} (${formatNumber(context.persons)} Personen).`,
    "Annehmen können das Angebot der Koordinierungsstab oder die anfragende Kommune auf der Seite der Anfrage.",
  ]);
}

export function placementAgreedMail(
  context: HelpMailContext,
  placement: { host: string; persons: number; startsOn: string; endsOn: string | null },
): MailMessage {
  const until = placement.endsOn ? `bis ${formatDay(placement.endsOn)}` : "unbefristet";
  return mail(context, `Amtshilfe vereinbart: ${formatNumber(placement.persons)} Personen aus ${context.requester} in ${placement.host}`, [
    `Vereinbart: ${placement.host} nimmt ${formatNumber(placement.persons)} Personen aus ${context.requester} auf, ab ${formatDay(placement.startsOn)}, ${until}.`,
    "Ab dem ersten Tag zählt die Lage die Personen als in der aufnehmenden Kommune untergebracht.",
  ]);
}

export function placementEndedMail(context: HelpMailContext, placement: { host: string; persons: number; endedOn: string }): MailMessage {
  return mail(context, `Amtshilfe beendet: ${formatNumber(placement.persons)} Personen aus ${context.requester} in ${placement.host}`, [
    `Die Unterbringung von ${formatNumber(placement.persons)} Personen aus ${context.requester} in ${placement.host} endet am ${formatDay(placement.endedOn)}.`,
  ]);
}

export function requestWithdrawnMail(context: HelpMailContext): MailMessage {
  return mail(context, `Amtshilfe: Anfrage von ${context.requester} zurückgezogen`, [
    `${context.requester} hat die Anfrage über ${formatNumber(context.persons)} Personen zurückgezogen. Offene Angebote dazu sind damit erledigt.`,
  ]);
}

export function offerWithdrawnMail(context: HelpMailContext, offer: { host: string; persons: number }): MailMessage {
  return mail(context, `Amtshilfe: ${offer.host} zieht das Angebot zurück`, [
    `${offer.host} hat das Angebot über ${formatNumber(offer.persons)} Plätze für ${context.requester} zurückgezogen.`,
  ]);
}
