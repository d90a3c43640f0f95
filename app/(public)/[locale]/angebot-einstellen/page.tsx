import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/board/offer-form";
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
  const municipalities = await boardMunicipalities(county.id);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-800">{t("intro")}</p>
      </div>
      <OfferForm
        locale={locale}
        today={berlinDay()}
        defaultDays={county.offerDefaultDays}
        municipalities={municipalities}
        languages={OFFER_LANGUAGES.map((code) => ({ code, name: languageName(locale, code) }))}
        showCatcherNote={env().MAIL_CATCHER}
      />
    </div>
  );
}
