"use client";
import Link from "next/link";
import { errorDigest } from "@/components/errors/error-digest";
import { useDatabaseUnreachable } from "@/components/errors/use-database-unreachable";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";
import { buttonClass } from "@/components/ui/styles";

// Below the intranet's layout, so the navigation stays usable. `retry` (Next.js 16.3+) fetches
// the page from the server again; `reset` would only re-render what already failed.
export default function IntranetError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  const databaseUnreachable = useDatabaseUnreachable();
  return (
    <div className="flex max-w-xl flex-col gap-4" role="alert">
      <h1 className="text-2xl font-semibold">Etwas ist schiefgegangen</h1>
      {databaseUnreachable ? (
        <p data-testid="database-unavailable">{DATABASE_UNAVAILABLE_MESSAGE}</p>
      ) : (
        <p>
          Diese Seite konnte gerade nicht angezeigt werden. Bitte versuchen Sie es erneut. Wenn der Fehler bleibt, wenden Sie sich an die
          Administration{digest ? " und nennen Sie die Fehlernummer" : ""}.
        </p>
      )}
      {digest && (
        <p className="text-sm text-slate-700">
          Fehlernummer: <code className="font-mono">{digest}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className={buttonClass("primary")}>
          Erneut versuchen
        </button>
        <Link href="/uebersicht" className="text-brand-700 underline">
          Zur Übersicht
        </Link>
      </div>
    </div>
  );
}
