/**
 * The digest Next.js gives an error thrown on the server: a hash that finds the full error in the
 * server's log. It is the only detail an error page shows; message and stack may carry internals
 * (SQL, paths, addresses). Errors thrown in the browser have none.
 */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  const { digest } = error;
  return typeof digest === "string" && digest.length > 0 ? digest : undefined;
}
