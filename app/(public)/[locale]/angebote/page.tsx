import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferCard } from "@/components/board/offer-card";
import { OfferFiltersForm } from "@/components/board/offer-filters";
import { isLocale } from "@/lib/i18n/locales";
import { filtersToQuery, parseOfferFilters } from "@/lib/offers/filters";
import { cachedMunicipalities, cachedOfferList } from "@/lib/offers/public-cache";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "list" }))("title") };
}

export default async function OfferListPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const filters = parseOfferFilters(await searchParams);
  const [t, result] = await Promise.all([getTranslations({ locale, namespace: "list" }), cachedOfferList(filters)]);
  const municipalities = await cachedMunicipalities(result.county.id);
  const page = result.page;
  const pageLink = (target: number) => `/${locale}/angebote${filtersToQuery({ ...filters, seite: target })}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-800">{t("intro")}</p>
      </div>
      <OfferFiltersForm locale={locale} filters={filters} municipalities={municipalities} />
      <p className="font-semibold" role="status">
        {t("results", { count: result.total })}
      </p>
      {result.offers.length === 0 ? (
        <p className="rounded-lg bg-white p-6 shadow">{t("noResults")}</p>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {result.offers.map((offer) => (
            <OfferCard key={offer.id} offer={offer} locale={locale} />
          ))}
        </div>
      )}
      {result.pages > 1 && (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3">
          {page > 1 ? (
            <Link href={pageLink(page - 1)} className="text-brand-700 underline" rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("page", { page, pages: result.pages })}</span>
          {page < result.pages ? (
            <Link href={pageLink(page + 1)} className="text-brand-700 underline" rel="next">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
