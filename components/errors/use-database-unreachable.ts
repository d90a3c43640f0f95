"use client";
import { useEffect, useState } from "react";

/**
 * Whether the page failed because the database is away: an error page cannot see the server's
 * error (only its digest), so it asks /api/health, which answers 503 then.
 */
export function useDatabaseUnreachable(): boolean {
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => response.json() as Promise<{ database?: { status?: string } }>)
      .then((body) => {
        if (live && body.database?.status !== "ok") setUnreachable(true);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return unreachable;
}
