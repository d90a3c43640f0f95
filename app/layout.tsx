import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wohnraum", template: "%s · Wohnraum" },
  description: "Unterbringung Geflüchteter im Landkreis: Meldungen der Kommunen und Wohnraumbörse",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so each gets the nonce of its Content-Security-Policy
  // (proxy.ts); a prerendered page would carry scripts the policy blocks.
  await connection();
  // Public board pages are in five languages (Arabic right to left); proxy.ts names the page's
  // language. The intranet is German.
  const requestHeaders = await headers();
  const lang = requestHeaders.get("x-wohnraum-locale") ?? "de";
  const dir = requestHeaders.get("x-wohnraum-dir") === "rtl" ? "rtl" : "ltr";
  return (
    <html lang={lang} dir={dir}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
