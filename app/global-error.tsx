"use client";
import Link from "next/link";
import { errorDigest } from "@/components/errors/error-digest";
import { useDatabaseUnreachable } from "@/components/errors/use-database-unreachable";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

// Shown when the root layout itself fails, in place of it: so it brings its own <html> and
// <body>, and inline styles, because globals.css does not reach it. German only: the board's
// messages are loaded by a layout that may be the one that failed. `retry` (Next.js 16.3+)
// fetches the page from the server again; `reset` would only re-render what already failed.
const styles = {
  body: { margin: 0, fontFamily: "system-ui, sans-serif", background: "#f8fafc", color: "#0f172a" },
  main: { maxWidth: "36rem", margin: "0 auto", padding: "4rem 1rem", lineHeight: 1.5 },
  button: {
    background: "#174d7a",
    color: "#fff",
    border: 0,
    borderRadius: "0.375rem",
    padding: "0.5rem 1rem",
    font: "inherit",
    cursor: "pointer",
  },
  link: { color: "#174d7a", marginInlineStart: "1rem" },
} as const;

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  const databaseUnreachable = useDatabaseUnreachable();
  return (
    <html lang="de">
      <body style={styles.body}>
        <title>Fehler · Wohnraum</title>
        <main style={styles.main}>
          <h1 style={{ fontSize: "1.5rem", fontWeight: 600 }}>Etwas ist schiefgegangen</h1>
          <p>
            {databaseUnreachable
              ? DATABASE_UNAVAILABLE_MESSAGE
              : "Die Seite konnte gerade nicht angezeigt werden. Bitte versuchen Sie es erneut oder später noch einmal."}
          </p>
          {digest && (
            <p style={{ fontSize: "0.875rem", color: "#334155" }}>
              Fehlernummer für Rückfragen: <code>{digest}</code>
            </p>
          )}
          <p>
            <button type="button" onClick={retry} style={styles.button}>
              Erneut versuchen
            </button>
            <Link href="/uebersicht" style={styles.link}>
              Zur Übersicht
            </Link>
            <Link href="/de" style={styles.link}>
              Zur Wohnraumbörse
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
