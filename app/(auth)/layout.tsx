import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto max-w-5xl px-4 py-3">
          <Link href="/" className="text-lg font-semibold">
            Wohnraum
          </Link>
        </div>
      </header>
      <main id="inhalt" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        {children}
      </main>
    </div>
  );
}
