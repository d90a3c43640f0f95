import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Seite nicht gefunden" };

// Every unknown address outside the board's languages (the board has its own, translated page):
// intranet addresses, mistyped ones, /xx/… with an unknown language. German, like the intranet.
export default function NotFound() {
  return (
    <main id="inhalt" className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Seite nicht gefunden</h1>
      <p>Diese Seite gibt es nicht (mehr). Vielleicht hat sich die Adresse geändert oder sie wurde falsch eingegeben.</p>
      <ul className="flex flex-col gap-2">
        <li>
          <Link href="/uebersicht" className="text-brand-700 underline">
            Zur Übersicht im Intranet
          </Link>
        </li>
        <li>
          <Link href="/de" className="text-brand-700 underline">
            Zur Wohnraumbörse
          </Link>
        </li>
      </ul>
    </main>
  );
}
