import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { LanguageSwitcher } from "@/components/board/language-switcher";
import { isLocale } from "@/lib/i18n/locales";
import { clientMessages, loadMessages } from "@/lib/i18n/messages";
import { cachedBoardCounty } from "@/lib/offers/public-cache";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
  };
}

export default async function BoardLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  // Unknown first segments (e.g. /xx/…) are not pages of the board.
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, messages, county] = await Promise.all([
    getTranslations({ locale, namespace: "common" }),
    loadMessages(locale),
    cachedBoardCounty(),
  ]);
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(messages)} timeZone="Europe/Berlin">
      <div className="flex min-h-screen flex-col">
        <a
          href="#inhalt"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <header className="bg-brand-800 text-white print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div>
              <Link href={`/${locale}`} className="text-lg font-semibold">
                {t("siteName")}
              </Link>
              <p className="text-sm text-brand-100">{t("siteTagline", { county: county.name })}</p>
            </div>
            <Suspense>
              <LanguageSwitcher current={locale} label={t("language")} />
            </Suspense>
          </div>
          <nav aria-label={t("mainNav")} className="border-t border-brand-700">
            <ul className="mx-auto flex max-w-5xl flex-wrap gap-1 px-4 py-2">
              <li>
                <Link href={`/${locale}/angebote`} className="block rounded-md px-3 py-1.5 font-medium hover:bg-brand-700">
                  {t("navOffers")}
                </Link>
              </li>
              <li>
                <Link href={`/${locale}/angebot-einstellen`} className="block rounded-md px-3 py-1.5 font-medium hover:bg-brand-700">
                  {t("navOffer")}
                </Link>
              </li>
            </ul>
          </nav>
        </header>
        {county.isDemo && (
          <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950" role="note">
            {t("demoNotice")}
          </p>
        )}
        <main id="inhalt" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-white print:hidden">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4 text-sm text-slate-700">
            <p>{t("footerNote", { county: county.name })}</p>
            <ul className="flex flex-wrap gap-4">
              <li>
                <Link href={`/${locale}/links-anfordern`} className="underline">
                  {t("navLinks")}
                </Link>
              </li>
              <li>
                <Link href={`/${locale}/datenschutz`} className="underline">
                  {t("privacy")}
                </Link>
              </li>
              <li>
                <Link href={`/${locale}/impressum`} className="underline">
                  {t("imprint")}
                </Link>
              </li>
              <li>
                <Link href="/anmelden" className="underline">
                  {t("staffSignIn")}
                </Link>
              </li>
            </ul>
          </div>
        </footer>
      </div>
    </NextIntlClientProvider>
  );
}
