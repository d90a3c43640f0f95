import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OfferForm } from "@/components/board/offer-form";
import { Alert } from "@/components/ui/alert";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { clientMessages, loadMessages } from "@/lib/i18n/messages";
import { loadOfferFormPage } from "@/lib/offers/form-page";

// The offer form without the board's header and footer, for a county's own site (iframe).
// Only the origins the county configured may frame it (frame-ancestors, proxy.ts); the language
// comes from ?lang= (the root layout's lang and dir follow it, too).

async function localeOf(searchParams: Promise<Record<string, string | string[] | undefined>>) {
  const lang = (await searchParams).lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  const locale = await localeOf(searchParams);
  return { title: (await getTranslations({ locale, namespace: "offerForm" }))("title") };
}

export default async function EmbeddedOfferFormPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await localeOf(searchParams);
  setRequestLocale(locale);
  const [t, te, tc, messages, page] = await Promise.all([
    getTranslations({ locale, namespace: "offerForm" }),
    getTranslations({ locale, namespace: "errors" }),
    getTranslations({ locale, namespace: "common" }),
    loadMessages(locale),
    loadOfferFormPage(locale),
  ]);
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(messages)} timeZone="Europe/Berlin">
      <main className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4" id="inhalt">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-800">{t("intro")}</p>
        {page.county.isDemo && (
          <p className="rounded bg-amber-100 px-3 py-2 text-sm text-amber-950" role="note">
            {tc("demoNotice")}
          </p>
        )}
        {page.hasPrivacyText ? <OfferForm {...page.form} /> : <Alert tone="warning">{te("privacyMissing")}</Alert>}
        <p className="text-sm text-slate-700">
          {tc("siteTagline", { county: page.county.name })} ·{" "}
          <a href={`/${locale}`} target="_blank" rel="noopener" className="underline">
            {tc("siteName")}
          </a>
        </p>
      </main>
    </NextIntlClientProvider>
  );
}
