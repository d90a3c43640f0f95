import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ManageActions } from "@/components/board/manage-actions";
import { Alert } from "@/components/ui/alert";
import { isLocale } from "@/lib/i18n/locales";
import { formatInstant } from "@/lib/offers/format";
import { offerState } from "@/lib/offers/lifecycle";
import { offerByToken } from "@/lib/offers/service";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Opened from the offerer's e-mail. Reading the page changes nothing (mail scanners open links);
// only its buttons act.
export default async function ManageOfferPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  const [t, te, tt, tl] = await Promise.all([
    getTranslations({ locale, namespace: "manage" }),
    getTranslations({ locale, namespace: "errors" }),
    getTranslations({ locale, namespace: "types" }),
    getTranslations({ locale, namespace: "list" }),
  ]);
  const offer = await offerByToken(token);
  if (!offer) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <Alert tone="error">{te("linkInvalid")}</Alert>
      </div>
    );
  }
  const state = offerState(offer, new Date());
  // Hidden after an unanswered "still current?" check (lib/offers/stale.ts) until the offerer keeps it.
  const hidden = state === "published" && offer.staleHiddenAt !== null;
  const status =
    state === "pending"
      ? t("statusPending")
      : hidden
        ? t("statusHidden")
        : state === "published"
          ? t("statusPublished", { date: formatInstant(locale, offer.expiresAt!) })
          : state === "expired"
            ? t("statusExpired", { date: formatInstant(locale, offer.expiresAt!) })
            : state === "placed"
              ? t("statusPlaced")
              : t("statusDeleted");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="text-lg">
          {tt(offer.type)}, {tl("persons", { count: offer.persons })}, {offer.postalCode} {offer.municipality.name}
        </p>
        <p>
          <span className="font-semibold">{t("status")}:</span> {status}
        </p>
        {state === "published" && !hidden && (
          <p>
            <Link href={`/${locale}/angebote/${offer.id}`} className="text-brand-700 underline">
              {t("view")}
            </Link>
          </p>
        )}
      </div>
      <ManageActions
        token={token}
        locale={locale}
        state={state}
        durationDays={offer.durationDays}
        stillCurrentAsked={state === "published" && offer.staleCheckSentAt !== null}
      />
    </div>
  );
}
