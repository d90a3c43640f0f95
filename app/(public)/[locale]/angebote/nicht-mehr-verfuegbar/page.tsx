import { notFound } from "next/navigation";
import { OfferGone } from "@/components/board/offer-gone";
import { isLocale } from "@/lib/i18n/locales";

// proxy.ts rewrites the detail page of an ended offer here, with status 410.
export default async function OfferGonePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <OfferGone locale={locale} />;
}
