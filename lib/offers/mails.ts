import { createTranslator } from "use-intl/core";
import { INTL_LOCALE, isLocale, type Locale } from "../i18n/locales";
import { loadMessages } from "../i18n/messages";
import type { MailMessage } from "../mail/message";

// Mails to offerers, in the offerer's language. Every one is tied to the offer's county (so the
// local catcher shows it in that county's Postausgang) and copied (BCC) to the municipality's
// mailbox, so that staff can follow and act on every offer.

export interface OfferMailContext {
  offerId: string;
  countyId: string;
  locale: string;
  type: string;
  persons: number;
  municipalityName: string;
  mailboxEmail: string | null;
  contactEmail: string;
}

export type OfferMailKind =
  | { kind: "confirm"; manageLink: string }
  | { kind: "links"; offers: { title: string; manageLink: string }[] }
  | { kind: "reminder"; manageLink: string; expiresAt: Date }
  | { kind: "extended"; manageLink: string; expiresAt: Date }
  | { kind: "ended"; how: "placed" | "deleted" | "staff"; reason?: string; wantsAdvice?: boolean }
  | { kind: "contact"; name: string; email: string; message: string };

export function manageLink(appUrl: string, locale: string, token: string): string {
  return `${appUrl}/${locale}/verwalten/${token}`;
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
    case "contact":
      subject = t("mail.contactSubject", { municipality });
      replyTo = mail.email;
      lines.push(t("mail.contactBody", { name: mail.name, title, email: mail.email }), "", t("mail.contactMessage"), "", mail.message);
      break;
  }
  lines.push("", "--", t("mail.signature"));
  return {
    to: context.contactEmail,
    ...(context.mailboxEmail ? { bcc: context.mailboxEmail } : {}),
    ...(replyTo ? { replyTo } : {}),
    subject,
    text: lines.join("\n"),
    countyId: context.countyId,
  };
}
