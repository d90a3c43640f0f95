import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/styles";
import { isLocale } from "@/lib/i18n/locales";
import { cachedBoardSummary } from "@/lib/offers/public-cache";

export default async function BoardHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const [t, summary] = await Promise.all([getTranslations({ locale, namespace: "home" }), cachedBoardSummary()]);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-slate-800">{t("intro")}</p>
        {summary.offers > 0 && (
          <p className="text-lg font-semibold text-brand-800">{t("stats", { count: summary.offers, persons: summary.persons })}</p>
        )}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="suchen" className="flex flex-col gap-3 rounded-lg bg-white p-6 shadow">
          <h2 id="suchen" className="text-xl font-semibold">
            {t("findTitle")}
          </h2>
          <p className="text-slate-800">{t("findText")}</p>
          <div>
            <Link href={`/${locale}/angebote`} className={buttonClass("primary")}>
              {t("findCta")}
            </Link>
          </div>
        </section>
        <section aria-labelledby="anbieten" className="flex flex-col gap-3 rounded-lg bg-white p-6 shadow">
          <h2 id="anbieten" className="text-xl font-semibold">
            {t("offerTitle")}
          </h2>
          <p className="text-slate-800">{t("offerText")}</p>
          <div>
            <Link href={`/${locale}/angebot-einstellen`} className={buttonClass("secondary")}>
              {t("offerCta")}
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}
