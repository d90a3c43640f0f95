import type { Metadata } from "next";
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
  return (
    <html lang="de">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
