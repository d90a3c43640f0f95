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
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "pg-copy-streams", "pg-boss", "pino", "nodemailer", "@prisma/adapter-pg", "@resvg/resvg-js", "exceljs"],
  // Server actions get the same body bound as route handlers (lib/http/request-guard.ts).
  experimental: { serverActions: { bodySizeLimit: "64kb" } },
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: securityHeaders },
      // JSON answers (and anything else under /api) are never cached by browsers or proxies.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // The manage page's address holds the offerer's secret token: never sent on as a Referer.
      { source: "/:locale/verwalten/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ]);
  },
};

// next-intl reads its per-request configuration (locale, messages) from this module.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
