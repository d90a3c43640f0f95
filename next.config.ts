import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  // Pages also get a Content-Security-Policy with frame-ancestors 'none' (proxy.ts).
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The public board's data cache, exact across app instances (the file explains how).
  cacheHandler: path.resolve("lib/cache/next-cache-handler.mjs"),
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "pg-boss", "pino", "nodemailer", "@prisma/adapter-pg", "@resvg/resvg-js", "exceljs"],
  // Server actions get the same body bound as route handlers (lib/http/request-guard.ts).
  experimental: { serverActions: { bodySizeLimit: "64kb" } },
  headers() {
    return Promise.resolve([
      // Every page but the embeddable ones (/embed/…), which the county's own sites may frame
      // (frame-ancestors from the county's setting, proxy.ts).
      { source: "/:path((?!embed/).*)", headers: securityHeaders },
      { source: "/embed/:path*", headers: securityHeaders.filter((header) => header.key !== "X-Frame-Options") },
      // JSON answers (and anything else under /api) are never cached by browsers or proxies.
      // The open-data API (/api/v1) sets its own: public, a minute, with ETag (lib/offers/open-data).
      { source: "/api/:path((?!v1/).*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // The manage page's address holds the offerer's secret token: never sent on as a Referer.
      { source: "/:locale/verwalten/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // So does the seekers' feedback page (lib/offers/feedback.ts).
      { source: "/:locale/rueckmeldung/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ]);
  },
};

// next-intl reads its per-request configuration (locale, messages) from this module.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
