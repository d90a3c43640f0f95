import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../lib/i18n/locales";
import type { Messages } from "../../lib/i18n/messages";

/** A rendered public page (its client components need the provider) as HTML. */
export function renderBoardPage(locale: Locale, messages: Messages, page: ReactNode): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Europe/Berlin">
      {page}
    </NextIntlClientProvider>,
  );
}
