/**
 * One line for a database that cannot be reached: the error's name and code, never its message,
 * which names host, port and user of the connection.
 */
export function logUnavailable(error: unknown): void {
  const { name, code } = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  console.error(`[db] database unavailable: ${typeof name === "string" ? name : "Error"}${typeof code === "string" ? ` (${code})` : ""}`);
}
