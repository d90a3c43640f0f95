import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { boardCounty } from "@/lib/offers/board";
import { legalTextFor } from "@/lib/offers/legal";

export async function LegalPage({ locale, kind }: { locale: Locale; kind: "PRIVACY" | "IMPRINT" }) {
  const [t, tc, county] = await Promise.all([
    getTranslations({ locale, namespace: "legal" }),
    getTranslations({ locale, namespace: "common" }),
    boardCounty(),
  ]);
  const text = await legalTextFor(county.id, kind, locale);
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-3xl font-semibold">{kind === "PRIVACY" ? t("privacyTitle") : t("imprintTitle")}</h1>
      {!text ? (
        <p>{t("missing")}</p>
      ) : (
        <>
          {text.germanFallback && (
            <p className="rounded-md border-s-4 border-amber-600 bg-amber-50 px-4 py-2" role="note">
              {tc("germanOnly")}
            </p>
          )}
          {/* Plain text kept as the admins wrote it; paragraphs by blank lines. */}
          <div lang={text.locale} dir={text.locale === "ar" ? "rtl" : "ltr"} className="flex flex-col gap-3 rounded-lg bg-white p-6 shadow">
            {text.body.split(/\n\s*\n/).map((paragraph, index) => (
              <p key={index} className="whitespace-pre-line break-words">
                {paragraph}
              </p>
            ))}
          </div>
        </>
      )}
    </article>
  );
}
