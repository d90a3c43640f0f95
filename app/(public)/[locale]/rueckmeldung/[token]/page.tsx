import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FeedbackActions } from "@/components/board/feedback-actions";
import { Alert } from "@/components/ui/alert";
import { isLocale } from "@/lib/i18n/locales";
import { feedbackByToken } from "@/lib/offers/feedback";

// The address holds the seeker's secret token: not indexed, never sent on as a Referer.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

// Opened from the seeker's confirmation mail. Reading the page records nothing (mail scanners open
// links); only its buttons do (lib/offers/feedback.ts).
export default async function FeedbackPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!isLocale(locale)) notFound();
  const [t, te, tt, tl, tc] = await Promise.all([
    getTranslations({ locale, namespace: "feedback" }),
    getTranslations({ locale, namespace: "errors" }),
    getTranslations({ locale, namespace: "types" }),
    getTranslations({ locale, namespace: "list" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const contact = await feedbackByToken(token);
  const back = (
    <p>
      <Link href={`/${locale}/angebote`} className="text-brand-700 underline">
        {tc("backToList")}
      </Link>
    </p>
  );
  if (!contact) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <Alert tone="error">{te("linkInvalid")}</Alert>
        {back}
      </div>
    );
  }
  const { offer } = contact;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p className="text-lg font-medium">
          {tt(offer.type)}, {tl("persons", { count: offer.persons })}, {offer.postalCode} {offer.municipality.name}
        </p>
      </div>
      <section className="flex flex-col gap-3 rounded-lg bg-white p-6 shadow">
        {contact.feedback ? (
          <Alert tone="info">{t("already")}</Alert>
        ) : (
          <>
            <p>{t("question")}</p>
            <p className="text-sm text-slate-700">{t("wait")}</p>
            <FeedbackActions token={token} locale={locale} />
          </>
        )}
      </section>
      {back}
    </div>
  );
}
