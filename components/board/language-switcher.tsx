"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

// Switching language keeps the page and its filters: only the first path segment changes.
// Plain links, rendered on the server too, so the switch works without JavaScript.
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const rest = pathname.split("/").slice(2).join("/");
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 text-sm">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a
              href={`/${locale}${rest ? `/${rest}` : ""}${search ? `?${search}` : ""}`}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={`block rounded-md px-2 py-1 ${locale === current ? "bg-white font-semibold text-brand-800" : "text-white underline-offset-2 hover:underline"}`}
            >
              {LOCALE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
