import QRCode from "qrcode";
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { loadMessages } from "../i18n/messages";

// The printable poster (/[locale]/plakat): its two links, their QR codes and its text. Free of
// the database and of the request, so the test decodes exactly what the page prints.

export interface PosterUrls {
  /** The offer list in the poster's language, for seekers. */
  list: string;
  /** The offer form in the poster's language, for offerers. */
  form: string;
}

export function posterUrls(appUrl: string, locale: Locale): PosterUrls {
  // z.url() keeps a trailing slash ("https://x.example/"); a double slash would be a different path.
  const base = appUrl.replace(/\/+$/, "");
  return { list: `${base}/${locale}/angebote`, form: `${base}/${locale}/angebot-einstellen` };
}

/** The QR code as SVG markup; level M survives a creased or slightly dirty print. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** As an image source: an <img> gets a real alt text, and no markup is injected into the page. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

const KEYS = [
  "headline",
  "subline",
  "scan",
  "seekerNote",
  "offerHeadline",
  "offerText",
  "qrList",
  "qrForm",
  "staffNote",
  "print",
  "otherLanguages",
] as const;

export type PosterCopy = Record<(typeof KEYS)[number], string> & { locale: Locale; siteName: string };

/** The poster's sentences in one language, with the county filled in. */
export async function posterCopy(locale: Locale, county: string): Promise<PosterCopy> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "poster" });
  const texts = Object.fromEntries(KEYS.map((key) => [key, t(key, { county })])) as Record<(typeof KEYS)[number], string>;
  return { ...texts, locale, siteName: messages.common.siteName };
}

export interface PosterContent {
  locale: Locale;
  county: string;
  urls: PosterUrls;
  /** Data URIs of the two QR codes. */
  qr: PosterUrls;
  local: PosterCopy;
  /** The German text beside the local one; null on the German poster (said once is enough). */
  german: PosterCopy | null;
}

/** Everything the poster shows; the page passes the county and APP_URL. */
export async function posterContent(locale: Locale, county: string, appUrl: string): Promise<PosterContent> {
  const urls = posterUrls(appUrl, locale);
  const [local, german, list, form] = await Promise.all([
    posterCopy(locale, county),
    locale === DEFAULT_LOCALE ? null : posterCopy(DEFAULT_LOCALE, county),
    qrSvg(urls.list),
    qrSvg(urls.form),
  ]);
  return { locale, county, urls, qr: { list: svgDataUri(list), form: svgDataUri(form) }, local, german };
}
