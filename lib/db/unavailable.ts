// "The database cannot be reached" as opposed to any other failure: a killed or restarting
// PostgreSQL, a network cut, a full connection pool. Users get "try again in a moment" (pages,
// forms) and scripts a 503 with Retry-After, not an "unexpected error" 500. No client import
// of server code here: the error pages use DATABASE_UNAVAILABLE_MESSAGE too.

export const DATABASE_UNAVAILABLE_MESSAGE = "Die Datenbank ist gerade nicht erreichbar, bitte gleich noch einmal versuchen.";
/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the
// connection, P2024 pool timeout, P2037 too many connections. PostgreSQL SQLSTATE: class 08 (connection exception), 57P01-03
// (shut down by the administrator, crash, cannot connect now). Node: the socket errors.
const CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2037",
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
]);
const MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|Can't reach database server|server closed the connection unexpectedly|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Timed out fetching a new connection from the connection pool|Connection closed/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, name, message, cause, kind, err } = error as {
    err?: unknown;
    code?: unknown;
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    kind?: unknown;
  };
  if (typeof code === "string" && (CODES.has(code) || code.startsWith("08"))) return true;
  if (name === "PrismaClientInitializationError") return true;
  // Driver adapters report a lost server as a kind, e.g. { kind: "DatabaseNotReachable" }.
  if (typeof kind === "string" && /NotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/.test(kind)) return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  // Auth.js wraps what a callback threw as { cause: { err } }.
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(err, depth + 1);
}
