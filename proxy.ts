import { NextResponse, type NextRequest } from "next/server";
import { isLocale, localeOfPath, textDirection } from "./lib/i18n/locales";
import { frameAncestors } from "./lib/offers/embed";
import { boardEmbedOrigins } from "./lib/offers/embed-origins";
import { offerIsGone } from "./lib/offers/gone";

// Runs before every page: sets the Content-Security-Policy with a fresh nonce (Next.js puts it on
// its own scripts), tells the root layout the public page's language (for <html lang dir>),
// answers 410 for board offers that have ended, and redirects visitors without a session cookie
// away from intranet pages.
// That redirect is only a convenience: every page, server action and route handler checks the
// session and the permission itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const INTRANET_PREFIXES = ["/uebersicht", "/kommunen", "/lage", "/amtshilfe", "/verwaltung", "/konto", "/einstellungen"];
/** The embeddable pages (without the board's chrome): framed only by the county's origins. */
const EMBED_PREFIX = "/embed/";

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; frameAncestors?: string }): string {
  return [
    "default-src 'self'",
    // Scripts only by nonce (and what those load); no inline handlers, no eval outside development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Charts and Next.js set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
  ].join("; ");
}

/** /de/angebote/<id>: a board offer's detail page. */
const OFFER_DETAIL = /^\/(?:de|en|uk|ru|ar)\/angebote\/([A-Za-z0-9_-]{1,100})$/;

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const isIntranet = INTRANET_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (isIntranet && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/anmelden", request.url);
    url.searchParams.set("weiter", path + request.nextUrl.search);
    return NextResponse.redirect(url);
  }

  const nonce = btoa(crypto.randomUUID());
  const isEmbed = path.startsWith(EMBED_PREFIX);
  const policy = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    frameAncestors: isEmbed ? frameAncestors(await boardEmbedOrigins()) : undefined,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // An embedded page takes its language from ?lang= (the snippet sets it), else German.
  const lang = request.nextUrl.searchParams.get("lang");
  const locale = isEmbed ? (isLocale(lang) ? lang : "de") : localeOfPath(path);
  if (locale) {
    requestHeaders.set("x-wohnraum-locale", locale);
    requestHeaders.set("x-wohnraum-dir", textDirection(locale));
  } else {
    requestHeaders.delete("x-wohnraum-locale");
    requestHeaders.delete("x-wohnraum-dir");
  }

  // An offer that was placed, deleted or has expired answers 410 Gone with a friendly page; a
  // page cannot set its status itself, a rewrite from here can.
  const detail = OFFER_DETAIL.exec(path);
  const response =
    detail && locale && (await offerIsGone(detail[1]!))
      ? NextResponse.rewrite(new URL(`/${locale}/angebote/nicht-mehr-verfuegbar`, request.url), {
          status: 410,
          request: { headers: requestHeaders },
        })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page; not the API (JSON, its own headers), not static files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
