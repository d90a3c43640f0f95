import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Poster } from "@/components/board/poster";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { boardCounty } from "@/lib/offers/board";
import { posterContent } from "@/lib/offers/poster";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "poster" }))("title") };
}

export default async function PosterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const county = await boardCounty();
  return <Poster content={await posterContent(locale, county.name, env().APP_URL)} />;
}
