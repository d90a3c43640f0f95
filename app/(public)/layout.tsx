import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            Wohnraum
          </Link>
          <Link href="/anmelden" className="rounded-md border border-white/70 px-3 py-1.5 text-sm hover:bg-brand-700">
            Anmeldung für Mitarbeitende
          </Link>
        </div>
      </header>
      <main id="inhalt" className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
        {children}
      </main>
    </div>
  );
}
