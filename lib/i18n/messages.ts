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
