import { createTranslator } from "use-intl/core";
import { INTL_LOCALE, isLocale, type Locale } from "../i18n/locales";
import { loadMessages } from "../i18n/messages";
import type { MailMessage } from "../mail/message";
import { STALE_ANSWER_DAYS, STALE_QUIET_DAYS } from "./stale";

// Mails to offerers, in the offerer's language. Every one is tied to the offer's county (so the
// local catcher shows it in that county's Postausgang), and the municipality's mailbox gets a
// copy of each. Not a true BCC: that would hand every reader of the mailbox the offerer's manage
// links (acting as the offerer, unaudited) and the offerer's and seekers' addresses. The copy
// shows the same text with links and addresses removed; staff act through the intranet, audited.

export interface OfferMailContext {
  offerId: string;
  countyId: string;
  locale: string;
  type: string;
  persons: number;
  municipalityName: string;
  mailboxEmail: string | null;
  contactEmail: string;
  /** For the copy's pointer to the intranet. */
  appUrl: string;
}

export type OfferMailKind =
  | { kind: "confirm"; manageLink: string }
  | { kind: "links"; offers: { title: string; manageLink: string }[] }
  | { kind: "reminder"; manageLink: string; expiresAt: Date }
  | { kind: "extended"; manageLink: string; expiresAt: Date }
  | { kind: "ended"; how: "placed" | "deleted" | "staff"; reason?: string; wantsAdvice?: boolean }
  | { kind: "contact"; name: string; email: string; message: string }
  | { kind: "staleCheck"; manageLink: string; reason: "marks" | "quiet" };

export function manageLink(appUrl: string, locale: string, token: string): string {
  return `${appUrl}/${locale}/verwalten/${token}`;
}

/** The seeker's link to say "no answer" or "already taken" (lib/offers/feedback.ts). */
export function feedbackLink(appUrl: string, locale: string, token: string): string {
  return `${appUrl}/${locale}/rueckmeldung/${token}`;
}

async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale) });
}

export function formatLongDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone: "Europe/Berlin" }).format(date);
}

export async function offerTitle(locale: Locale, offer: { type: string; persons: number; municipalityName: string }): Promise<string> {
  const t = await translatorFor(locale);
  return `${t(`types.${offer.type as "ROOM"}`)}, ${t("list.persons", { count: offer.persons })}, ${offer.municipalityName}`;
}

/** "a…@example.org": enough for staff to tell mails apart, not enough to write to someone. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}…${address.slice(at)}` : "…";
}

const MANAGE_LINK = /https?:\/\/\S+\/verwalten\/[A-Za-z0-9_-]{43}/g;

/** The municipality's copy: the same mail in German framing, without links or addresses. */
export function municipalityCopy(context: OfferMailContext, original: MailMessage, otherAddresses: string[] = []): MailMessage | null {
  if (!context.mailboxEmail) return null;
  let text = original.text.replace(MANAGE_LINK, "[persönlicher Link der anbietenden Person, in dieser Kopie entfernt]");
  for (const address of [context.contactEmail, ...otherAddresses]) text = text.split(address).join(maskAddress(address));
  return {
    to: context.mailboxEmail,
    subject: `Kopie: ${original.subject}`,
    text: [
      `Kopie für die Gemeinde ${context.municipalityName} (Wohnraumbörse). Die anbietende Person (${maskAddress(context.contactEmail)}) hat die folgende E-Mail erhalten.`,
      `Links zum Verwalten und Adressen sind in dieser Kopie entfernt. Angebote verlängern oder löschen Sie im Intranet: ${context.appUrl}/angebote`,
      "",
      "-----",
      "",
      text,
    ].join("\n"),
    countyId: context.countyId,
  };
}

/** The offerer's mail and the municipality's copy. */
export async function offerMails(context: OfferMailContext, mail: OfferMailKind): Promise<MailMessage[]> {
  const original = await offerMail(context, mail);
  const copy = municipalityCopy(context, original, mail.kind === "contact" ? [mail.email] : []);
  return copy ? [original, copy] : [original];
}

export async function offerMail(context: OfferMailContext, mail: OfferMailKind): Promise<MailMessage> {
  const locale: Locale = isLocale(context.locale) ? context.locale : "de";
  const t = await translatorFor(locale);
  const municipality = context.municipalityName;
  const title = await offerTitle(locale, context);
  const lines: string[] = [t("mail.greeting"), ""];
  let subject: string;
  let replyTo: string | undefined;
  switch (mail.kind) {
    case "confirm":
      subject = t("mail.confirmSubject", { municipality });
      lines.push(t("mail.confirmBody", { title, municipality }), "", mail.manageLink, "", t("mail.manageBody"), "", mail.manageLink, "");
      lines.push(t("mail.ignore"));
      break;
    case "links":
      subject = t("mail.linksSubject");
      lines.push(t("mail.linksBody"), "");
      for (const offer of mail.offers) lines.push(`${offer.title}:`, offer.manageLink, "");
      lines.push(t("mail.manageBody").replace(/:$/, "."));
      break;
    case "reminder":
      subject = t("mail.reminderSubject", { municipality });
      lines.push(t("mail.reminderBody", { title, date: formatLongDate(mail.expiresAt, locale) }), "", mail.manageLink);
      break;
    case "extended":
      subject = t("mail.extendedSubject", { municipality });
      lines.push(
        t("mail.extendedBody", { title, date: formatLongDate(mail.expiresAt, locale) }),
        "",
        t("mail.manageBody"),
        "",
        mail.manageLink,
      );
      break;
    case "ended":
      subject = t("mail.endedSubject", { municipality });
      lines.push(
        mail.how === "placed"
          ? t("mail.endedPlaced", { title })
          : mail.how === "staff"
            ? t("mail.endedByStaff", { title, reason: mail.reason ?? "" })
            : t("mail.endedDeleted", { title }),
      );
      if (mail.wantsAdvice) lines.push("", t("mail.adviceNote"));
      break;
    case "staleCheck":
      subject = t("mail.staleSubject");
      lines.push(
        mail.reason === "marks" ? t("mail.staleMarks", { title }) : t("mail.staleQuiet", { title, days: STALE_QUIET_DAYS }),
        "",
        t("mail.staleAsk"),
        "",
        mail.manageLink,
        "",
        t("mail.staleHide", { days: STALE_ANSWER_DAYS }),
      );
      break;
    case "contact":
      subject = t("mail.contactSubject", { municipality });
      replyTo = mail.email;
      lines.push(t("mail.contactBody", { name: mail.name, title, email: mail.email }), "", t("mail.contactMessage"), "", mail.message);
      break;
  }
  lines.push("", "--", t("mail.signature"));
  return {
    to: context.contactEmail,
    ...(replyTo ? { replyTo } : {}),
    subject,
    text: lines.join("\n"),
    countyId: context.countyId,
  };
}

/**
 * The seeker's confirmation with the feedback link, in the seeker's language. It quotes neither
 * the seeker's name nor the message: whoever types someone else's address cannot send them text.
 * No copy to the municipality: it is not about the offerer, and the link is the seeker's.
 */
export async function seekerConfirmationMail(options: {
  to: string;
  locale: Locale;
  countyId: string;
  offer: { type: string; persons: number; municipalityName: string };
  feedbackLink: string;
}): Promise<MailMessage> {
  const t = await translatorFor(options.locale);
  const title = await offerTitle(options.locale, options.offer);
  return {
    to: options.to,
    subject: t("mail.seekerSubject"),
    text: [
      t("mail.greeting"),
      "",
      t("mail.seekerBody", { title }),
      "",
      t("mail.seekerFeedback"),
      "",
      options.feedbackLink,
      "",
      t("mail.seekerIgnore"),
      "",
      "--",
      t("mail.signature"),
    ].join("\n"),
    countyId: options.countyId,
  };
}
