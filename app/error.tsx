"use client";
import { errorDigest } from "@/components/errors/error-digest";
import { useDatabaseUnreachable } from "@/components/errors/use-database-unreachable";
import { buttonClass } from "@/components/ui/styles";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

// For a failure in a group's layout (the intranet's reads the session from the database), which
// that group's own error page cannot catch. Inside the root layout, so its styles apply.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  const databaseUnreachable = useDatabaseUnreachable();
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16" role="alert">
      <h1 className="text-2xl font-semibold">{databaseUnreachable ? "Datenbank nicht erreichbar" : "Etwas ist schiefgegangen"}</h1>
      <p data-testid={databaseUnreachable ? "database-unavailable" : undefined}>
        {databaseUnreachable
          ? DATABASE_UNAVAILABLE_MESSAGE
          : "Diese Seite konnte gerade nicht angezeigt werden. Bitte versuchen Sie es erneut oder später noch einmal."}
      </p>
      {digest && (
        <p className="text-sm text-slate-700">
          Fehlernummer für Rückfragen: <code className="font-mono">{digest}</code>
        </p>
      )}
      <div>
        <button type="button" onClick={retry} className={buttonClass("primary")}>
          Erneut versuchen
        </button>
      </div>
    </main>
  );
}
