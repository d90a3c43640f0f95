import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/board/offer-form";
import { Alert } from "@/components/ui/alert";
import { legalTextFor } from "@/lib/offers/legal";
import { berlinDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { boardCounty, boardMunicipalities } from "@/lib/offers/board";
import { languageName } from "@/lib/offers/format";
import { OFFER_LANGUAGES } from "@/lib/offers/schema";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "offerForm" }))("title") };
}

export default async function OfferFormPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const [t, county] = await Promise.all([getTranslations({ locale, namespace: "offerForm" }), boardCounty()]);
  const [municipalities, privacy] = await Promise.all([boardMunicipalities(county.id), legalTextFor(county.id, "PRIVACY", "de")]);
  const te = await getTranslations({ locale, namespace: "errors" });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-800">{t("intro")}</p>
      </div>
      {!privacy ? (
        <Alert tone="warning">{te("privacyMissing")}</Alert>
      ) : (
        <OfferForm
          locale={locale}
          today={berlinDay()}
          defaultDays={county.offerDefaultDays}
          municipalities={municipalities}
          languages={OFFER_LANGUAGES.map((code) => ({ code, name: languageName(locale, code) }))}
          showCatcherNote={env().MAIL_CATCHER}
        />
      )}
    </div>
  );
}
