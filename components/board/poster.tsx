import { PrintButton } from "@/components/board/print-button";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import type { PosterContent } from "@/lib/offers/poster";

// The printable A4 poster: the page's language and German (for de: German once). Seekers read
// their language first; offerers, mostly German speakers, read German first. Logical classes
// (ms-, ps-, text-start) so the Arabic poster mirrors through the root layout's dir="rtl".

// globals.css sets A4 landscape for the print report; the later @page rule wins, and this
// <style> comes after the stylesheet. (The CSP allows inline styles.)
const PRINT_CSS = "@page { size: A4 portrait; margin: 12mm; }";

/** German on a non-German page: marked as German (screen readers, hyphenation), left to right. */
function German({ text, className }: { text: string | undefined; className: string }) {
  if (!text) return null;
  return (
    <p lang="de" dir="ltr" className={className}>
      {text}
    </p>
  );
}

/** The code at a fixed printed size; the URL below may be wider than the code, to wrap less. */
function QrCode({ src, url, alt, size }: { src: string; url: string; alt: string; size: "large" | "small" }) {
  const [image, caption] = size === "large" ? ["w-[62mm]", "max-w-[90mm]"] : ["w-[40mm]", "max-w-[75mm]"];
  return (
    <figure className="flex max-w-full flex-col items-center gap-1">
      {/* A data: URI built on the server from our own URL; next/image would add nothing here. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={`${alt}: ${url}`} width={240} height={240} className={`h-auto max-w-full ${image}`} />
      <figcaption dir="ltr" className={`text-center font-mono text-sm font-semibold break-all text-slate-900 ${caption}`}>
        {url}
      </figcaption>
    </figure>
  );
}

export function Poster({ content }: { content: PosterContent }) {
  const { locale, county, urls, qr, local, german } = content;
  return (
    <div className="flex flex-col gap-6 print:gap-0">
      <style>{PRINT_CSS}</style>

      <div className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 print:hidden">
        <German text={german?.staffNote} className="text-slate-800" />
        <p className="text-slate-800">{local.staffNote}</p>
        <div className="flex flex-wrap items-center gap-4">
          <PrintButton label={german ? `${german.print} · ${local.print}` : local.print} />
          <nav aria-label={local.otherLanguages.replace(/:\s*$/, "")}>
            <p className="text-sm text-slate-800">
              {local.otherLanguages}{" "}
              {LOCALES.filter((other) => other !== locale).map((other, index) => (
                <span key={other}>
                  {index > 0 && " · "}
                  <a href={`/${other}/plakat`} hrefLang={other} lang={other} className="text-brand-700 underline">
                    {LOCALE_NAMES[other]}
                  </a>
                </span>
              ))}
            </p>
          </nav>
        </div>
      </div>

      <article className="mx-auto flex w-full max-w-[186mm] flex-col gap-5 rounded-lg border border-slate-300 bg-white p-6 text-start text-slate-900 shadow print:gap-4 print:rounded-none print:border-0 print:p-0 print:shadow-none">
        <header className="flex flex-col gap-2 border-b-4 border-brand-700 pb-4">
          <p className="text-lg font-semibold text-brand-800">
            {local.siteName} · {county}
          </p>
          <h1 className="flex flex-col gap-1 text-5xl leading-tight font-bold text-brand-800">
            <span>{local.headline}</span>
            {german && (
              <span lang="de" dir="ltr" className="text-3xl font-semibold">
                {german.headline}
              </span>
            )}
          </h1>
          <p className="text-2xl">{local.subline}</p>
          <German text={german?.subline} className="text-xl text-slate-800" />
        </header>

        <section className="flex flex-wrap items-center gap-6 sm:flex-nowrap print:flex-nowrap">
          <QrCode src={qr.list} url={urls.list} alt={local.qrList} size="large" />
          <div className="flex flex-1 flex-col gap-2">
            <p className="text-xl font-semibold">{local.scan}</p>
            <German text={german?.scan} className="text-lg text-slate-800" />
            <p className="mt-2 text-lg">{local.seekerNote}</p>
            <German text={german?.seekerNote} className="text-base text-slate-800" />
          </div>
        </section>

        <section className="flex flex-wrap items-center gap-6 border-t-2 border-dashed border-slate-400 pt-4 sm:flex-nowrap print:flex-nowrap">
          <div className="flex flex-1 flex-col gap-2">
            <h2 className="flex flex-col text-2xl font-bold text-brand-800">
              <span lang="de" dir="ltr">
                {(german ?? local).offerHeadline}
              </span>
              {german && <span className="text-xl font-semibold">{local.offerHeadline}</span>}
            </h2>
            <German text={german?.offerText} className="text-base" />
            <p className="text-base">{local.offerText}</p>
          </div>
          <QrCode src={qr.form} url={urls.form} alt={local.qrForm} size="small" />
        </section>
      </article>
    </div>
  );
}
