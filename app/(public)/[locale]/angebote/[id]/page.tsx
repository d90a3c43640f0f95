import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContactForm } from "@/components/board/contact-form";
import { OfferFacts } from "@/components/board/offer-facts";
import { OfferGone } from "@/components/board/offer-gone";
import { isLocale } from "@/lib/i18n/locales";
import { formatInstant } from "@/lib/offers/format";
import { cachedBoardCounty, cachedCeilingTables, cachedOffer } from "@/lib/offers/public-cache";
import { assessRent } from "@/lib/offers/rent-ceilings";

export async function generateMetadata({ params }: { params: Promise<{ locale: string; id: string }> }): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const found = await cachedOffer(id);
  if (found?.state !== "listed") return {};
  const tt = await getTranslations({ locale, namespace: "types" });
  return { title: `${tt(found.offer.type)}, ${found.offer.municipality.name}` };
}

export default async function OfferDetailPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  const found = await cachedOffer(id);
  if (!found) notFound();
  // proxy.ts answers ended offers with 410 before this page runs; this covers the instant between.
  if (found.state === "ended") return <OfferGone locale={locale} />;
  const { offer } = found;
  const [t, tt, tl, tc, ceilings] = await Promise.all([
    getTranslations({ locale, namespace: "detail" }),
    getTranslations({ locale, namespace: "types" }),
    getTranslations({ locale, namespace: "list" }),
    getTranslations({ locale, namespace: "common" }),
    cachedBoardCounty().then((county) => cachedCeilingTables(county.id)),
  ]);
  // A neutral hint, no judgement: the seeker's office may not pay the whole rent.
  const rent = assessRent(offer, ceilings.get(offer.municipality.id));
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/${locale}/angebote`} className="text-brand-700 underline">
          {tc("backToList")}
        </Link>
      </p>
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-semibold">
          {tt(offer.type)}, {tl("persons", { count: offer.persons })}
        </h1>
        <p className="text-lg text-slate-800">
          {offer.postalCode} {offer.municipality.name}
          {offer.isDemo && (
            <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-950">{tc("demoBadge")}</span>
          )}
        </p>
        {offer.expiresAt && (
          <p className="text-sm text-slate-700">{t("publishedUntil", { date: formatInstant(locale, offer.expiresAt) })}</p>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="angaben" className="rounded-lg bg-white p-6 shadow">
            <h2 id="angaben" className="mb-3 text-xl font-semibold">
              {t("facts")}
            </h2>
            <OfferFacts offer={offer} locale={locale} />
            {rent.kind === "ABOVE" && (
              <p className="mt-3 rounded-md border-s-4 border-slate-500 bg-slate-50 px-3 py-2" data-testid="rent-above-ceiling">
                <strong>{t("rentAboveCeiling", { persons: rent.persons })}</strong>
                <br />
                <span className="text-sm">{t("rentAboveCeilingNote")}</span>
              </p>
            )}
            {offer.phone && (
              <p className="mt-3">
                {t("phone")}:{" "}
                <a href={`tel:${offer.phone.replace(/[^+\d]/g, "")}`} className="text-brand-700 underline" dir="ltr">
                  {offer.phone}
                </a>
              </p>
            )}
          </section>
          <section aria-labelledby="beschreibung" className="rounded-lg bg-white p-6 shadow">
            <h2 id="beschreibung" className="text-xl font-semibold">
              {t("description")}
            </h2>
            <p className="mb-3 text-sm text-slate-700">{t("descriptionNote")}</p>
            {/* The offerer's own words, in whatever language and direction they wrote. */}
            <p className="whitespace-pre-line break-words" dir="auto">
              {offer.description}
            </p>
          </section>
        </div>
        <section aria-labelledby="kontakt" className="h-fit rounded-lg bg-white p-6 shadow">
          <h2 id="kontakt" className="mb-2 text-xl font-semibold">
            {t("contactTitle")}
          </h2>
          <p className="mb-4 text-slate-800">{t("contactIntro")}</p>
          <ContactForm offerId={offer.id} locale={locale} />
        </section>
      </div>
    </div>
  );
}
