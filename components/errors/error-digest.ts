/**
 * The digest of an error thrown on the server: the id of the request it happened in (our server
 * numbers errors so, lib/http/error-number.ts), which finds the request's lines in the log. It is the only detail an error page shows;
 * message and stack may carry internals (SQL, paths, addresses). Errors thrown in the browser have
 * none.
 */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  const { digest } = error;
  return typeof digest === "string" && digest.length > 0 ? digest : undefined;
}
