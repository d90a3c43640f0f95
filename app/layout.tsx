import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wohnraum", template: "%s · Wohnraum" },
  description: "Unterbringung Geflüchteter im Landkreis: Meldungen der Kommunen und Wohnraumbörse",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="de">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
