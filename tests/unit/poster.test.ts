import { Resvg } from "@resvg/resvg-js";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Poster } from "../../components/board/poster";
import { LOCALES } from "../../lib/i18n/locales";
import ar from "../../lib/i18n/messages/ar.json";
import de from "../../lib/i18n/messages/de.json";
import en from "../../lib/i18n/messages/en.json";
import ru from "../../lib/i18n/messages/ru.json";
import uk from "../../lib/i18n/messages/uk.json";
import { posterContent, posterUrls, qrSvg } from "../../lib/offers/poster";

// The poster's QR codes are read back the way a phone reads the print: rendered to pixels and
// decoded. A code that leads to the wrong language or page is caught here.

const APP_URL = "https://wohnraum.landkreis-musterland.example";
const COUNTY = "Landkreis Musterland";

function decodeQr(svg: string): string | undefined {
  const png = PNG.sync.read(new Resvg(svg, { fitTo: { mode: "width", value: 400 }, background: "#ffffff" }).render().asPng());
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return jsQR(pixels, png.width, png.height)?.data;
}

/** The SVG inside the data: URI the page puts into <img src>. */
function svgOf(dataUri: string): string {
  const prefix = "data:image/svg+xml;base64,";
  expect(dataUri.startsWith(prefix)).toBe(true);
  return Buffer.from(dataUri.slice(prefix.length), "base64").toString("utf8");
}

describe("poster QR codes", () => {
  it.each(LOCALES)("%s: the codes decode to the offer list and the offer form in that language", async (locale) => {
    const content = await posterContent(locale, COUNTY, APP_URL);
    expect(content.urls).toEqual({ list: `${APP_URL}/${locale}/angebote`, form: `${APP_URL}/${locale}/angebot-einstellen` });
    expect(decodeQr(svgOf(content.qr.list))).toBe(`${APP_URL}/${locale}/angebote`);
    expect(decodeQr(svgOf(content.qr.form))).toBe(`${APP_URL}/${locale}/angebot-einstellen`);
  });

  it("decodes what was encoded, so a wrong URL would not pass", async () => {
    expect(decodeQr(await qrSvg(`${APP_URL}/de/angebote`))).not.toBe(`${APP_URL}/uk/angebote`);
  });

  it("ignores a trailing slash of APP_URL", () => {
    expect(posterUrls(`${APP_URL}/`, "ar")).toEqual({ list: `${APP_URL}/ar/angebote`, form: `${APP_URL}/ar/angebot-einstellen` });
  });
});

describe("poster text", () => {
  it.each([
    ["uk", uk],
    ["ar", ar],
  ] as const)("%s: the local text and the German text, with the county", async (locale, messages) => {
    const { local, german } = await posterContent(locale, COUNTY, APP_URL);
    expect(local.locale).toBe(locale);
    expect(local.headline).toBe(messages.poster.headline);
    expect(local.subline).toBe(messages.poster.subline.replace("{county}", COUNTY));
    expect(local.offerText).toBe(messages.poster.offerText);
    expect(german?.locale).toBe("de");
    expect(german?.headline).toBe("Wohnung gesucht?");
    expect(german?.subline).toBe(`Hier finden Sie private Wohnangebote im ${COUNTY}.`);
    expect(german?.offerHeadline).toBe("Wohnraum anbieten?");
  });

  it("de: German once", async () => {
    const { local, german } = await posterContent("de", COUNTY, APP_URL);
    expect(local.headline).toBe(de.poster.headline);
    expect(german).toBeNull();
  });

  it.each([
    ["uk", uk],
    ["ru", ru],
    ["ar", ar],
  ] as const)("%s: translated, not English or German left in place", (_locale, messages) => {
    for (const [key, text] of Object.entries(messages.poster)) {
      expect(text, key).not.toBe(en.poster[key as keyof typeof en.poster]);
      expect(text, key).not.toBe(de.poster[key as keyof typeof de.poster]);
    }
  });
});

describe("poster markup", () => {
  it("ar: one h1, German marked as German, alt texts naming the URLs, logical CSS only", async () => {
    const html = renderToStaticMarkup(createElement(Poster, { content: await posterContent("ar", COUNTY, APP_URL) }));
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/<span lang="de" dir="ltr"[^>]*>Wohnung gesucht\?<\/span>/);
    expect(html).toContain(`alt="${ar.poster.qrList}: ${APP_URL}/ar/angebote"`);
    expect(html).toContain(`alt="${ar.poster.qrForm}: ${APP_URL}/ar/angebot-einstellen"`);
    expect(html).toContain("@page { size: A4 portrait; margin: 12mm; }");
    // Physical sides would not mirror in Arabic.
    expect(html).not.toMatch(/\b(ml|mr|pl|pr|left|right|border-l|border-r|rounded-l|rounded-r)-|\btext-(left|right)\b/);
    expect(html).toContain('href="/de/plakat"');
    expect(html).not.toContain('href="/ar/plakat"');
  });
});
