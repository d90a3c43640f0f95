import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatCalendarDay, formatEuros } from "@/lib/offers/format";
import type { PublicOffer } from "@/lib/offers/queries";

export async function OfferCard({ offer, locale }: { offer: PublicOffer; locale: Locale }) {
  const [t, tt, tf, tc] = await Promise.all([
    getTranslations({ locale, namespace: "list" }),
    getTranslations({ locale, namespace: "types" }),
    getTranslations({ locale, namespace: "fields" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const features = [
    offer.furnished && tf("furnished"),
    offer.barrierFree && tf("barrierFree"),
    offer.petsAllowed && tf("petsAllowed"),
  ].filter(Boolean) as string[];
  const headingId = `angebot-${offer.id}`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow">
      <h2 id={headingId} className="text-lg font-semibold">
        <Link href={`/${locale}/angebote/${offer.id}`} className="text-brand-700 underline underline-offset-2">
          {tt(offer.type)}, {t("persons", { count: offer.persons })}
        </Link>
        {offer.isDemo && (
          <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">{tc("demoBadge")}</span>
        )}
      </h2>
      <p className="text-slate-800">
        {offer.postalCode} {offer.municipality.name}
        {offer.district ? `, ${offer.district}` : ""}
      </p>
      <p className="text-slate-800">
        {t("from", { date: formatCalendarDay(locale, offer.availableFrom) })} ·{" "}
        {offer.freeOfCharge || offer.warmRentEuros === null
          ? t("free")
          : t("perMonth", { amount: formatEuros(locale, offer.warmRentEuros) })}
      </p>
      {features.length > 0 && (
        <ul className="flex flex-wrap gap-1 text-sm">
          {features.map((feature) => (
            <li key={feature} className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">
              {feature}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
