import type { Locale } from "./locales";
import de from "./messages/de.json";

export type Messages = typeof de;

const LOADERS: Record<Locale, () => Promise<{ default: Messages }>> = {
  de: () => Promise.resolve({ default: de }),
  en: () => import("./messages/en.json"),
  uk: () => import("./messages/uk.json"),
  ru: () => import("./messages/ru.json"),
  ar: () => import("./messages/ar.json"),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await LOADERS[locale]()).default;
}

/**
 * The namespaces client components translate with (useTranslations). Only these travel to the
 * browser with every page; the mails', the list's and the poster's texts stay on the server.
 */
const CLIENT_NAMESPACES = ["common", "detail", "errors", "feedback", "fields", "hints", "links", "manage", "offerForm", "types"] as const;

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
