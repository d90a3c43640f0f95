import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

export async function OfferGone({ locale }: { locale: Locale }) {
  const [t, tc] = await Promise.all([getTranslations({ locale, namespace: "detail" }), getTranslations({ locale, namespace: "common" })]);
  return (
    <div className="flex flex-col gap-4 rounded-lg bg-white p-6 shadow">
      <h1 className="text-2xl font-semibold">{t("goneTitle")}</h1>
      <p>{t("goneText")}</p>
      <p>
        <Link href={`/${locale}/angebote`} className="text-brand-700 underline">
          {tc("backToList")}
        </Link>
      </p>
    </div>
  );
}
