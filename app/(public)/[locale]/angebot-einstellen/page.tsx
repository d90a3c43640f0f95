import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/board/offer-form";
import { Alert } from "@/components/ui/alert";
import { isLocale } from "@/lib/i18n/locales";
import { loadOfferFormPage } from "@/lib/offers/form-page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "offerForm" }))("title") };
}

export default async function OfferFormPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const [t, te, page] = await Promise.all([
    getTranslations({ locale, namespace: "offerForm" }),
    getTranslations({ locale, namespace: "errors" }),
    loadOfferFormPage(locale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-800">{t("intro")}</p>
      </div>
      {page.hasPrivacyText ? <OfferForm {...page.form} /> : <Alert tone="warning">{te("privacyMissing")}</Alert>}
    </div>
  );
}
