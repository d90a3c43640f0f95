import Link from "next/link";

export const metadata = { title: "Kein Zugriff" };

export default function NoAccessPage() {
  return (
    <div className="max-w-xl">
      <h1 className="mb-3 text-2xl font-semibold">Kein Zugriff</h1>
      <p className="mb-4">Diese Seite ist für Ihre Rolle nicht freigegeben.</p>
      <Link href="/uebersicht" className="text-brand-700 underline">
        Zur Übersicht
      </Link>
    </div>
  );
}
