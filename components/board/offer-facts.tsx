import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatCalendarDay, formatEuros, formatInteger, languageName } from "@/lib/offers/format";
import type { PublicOffer } from "@/lib/offers/queries";

// The structured fields of an offer, labelled in the reader's language: a seeker understands an
// offer written in German from these alone.
export async function OfferFacts({ offer, locale }: { offer: PublicOffer; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "fields" });
  const tl = await getTranslations({ locale, namespace: "list" });
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  const rows: [string, string][] = [
    [t("municipality"), `${offer.postalCode} ${offer.municipality.name}${offer.district ? ` (${offer.district})` : ""}`],
    [t("persons"), formatInteger(locale, offer.persons)],
    ...(offer.rooms ? ([[t("rooms"), formatInteger(locale, offer.rooms)]] as [string, string][]) : []),
    ...(offer.sizeSqm ? ([[t("sizeSqm"), formatInteger(locale, offer.sizeSqm)]] as [string, string][]) : []),
    [t("availableFrom"), formatCalendarDay(locale, offer.availableFrom)],
    [t("availableUntil"), offer.availableUntil ? formatCalendarDay(locale, offer.availableUntil) : t("openEnded")],
    [t("rent"), offer.freeOfCharge || offer.warmRentEuros === null ? tl("free") : formatEuros(locale, offer.warmRentEuros)],
    [t("furnished"), yesNo(offer.furnished)],
    [t("barrierFree"), yesNo(offer.barrierFree)],
    [t("petsAllowed"), yesNo(offer.petsAllowed)],
    ...(offer.languages.length
      ? ([[t("languages"), offer.languages.map((code) => languageName(locale, code)).join(", ")]] as [string, string][])
      : []),
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="flex flex-col border-b border-slate-200 pb-1">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
