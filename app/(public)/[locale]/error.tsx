"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { errorDigest } from "@/components/errors/error-digest";
import { useDatabaseUnreachable } from "@/components/errors/use-database-unreachable";
import { buttonClass } from "@/components/ui/styles";

// Below the board's layout, so its messages and language are at hand. `retry` (Next.js 16.3+)
// fetches the page from the server again; `reset` would only re-render what already failed.
export default function BoardError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  const tc = useTranslations("common");
  const locale = useLocale();
  const digest = errorDigest(error);
  const databaseUnreachable = useDatabaseUnreachable();
  return (
    <div className="flex flex-col gap-4 rounded-lg bg-white p-6 shadow" role="alert">
      <h1 className="text-2xl font-semibold">{t("pageErrorTitle")}</h1>
      <p>{databaseUnreachable ? t("databaseUnavailable") : t("pageErrorText")}</p>
      {digest && (
        <p className="text-sm text-slate-700">
          {t("errorReference")}{" "}
          <code dir="ltr" className="font-mono">
            {digest}
          </code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className={buttonClass("primary")}>
          {t("retry")}
        </button>
        <Link href={`/${locale}/angebote`} className="text-brand-700 underline">
          {tc("backToList")}
        </Link>
      </div>
    </div>
  );
}
