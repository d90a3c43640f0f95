import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";

export default async function BoardNotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "de";
  const [t, tc] = await Promise.all([getTranslations({ locale, namespace: "errors" }), getTranslations({ locale, namespace: "common" })]);
  return (
    <div className="flex flex-col gap-4 rounded-lg bg-white p-6 shadow">
      <h1 className="text-2xl font-semibold">{t("notFound")}</h1>
      <p>
        <Link href={`/${locale}/angebote`} className="text-brand-700 underline">
          {tc("backToList")}
        </Link>
      </p>
    </div>
  );
}
