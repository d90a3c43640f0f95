import { format, stripVTControlCharacters } from "node:util";
import pino from "pino";
import { logLevelSetting } from "./env";
import { assignedDigest } from "./http/error-number";

// The app's log: one JSON object per line on stdout (pino), for journald, Docker or a log
// collector. What must never be in it (issue 13): passwords, tokens, e-mail bodies and the board's
// contact data. So errors are logged by their type and code (serializeError), request paths
// without their token segments (lib/http/route-group.ts), and fields with such names are redacted
// wherever they appear.

const REDACTED_KEYS = [
  "password",
  "newPassword",
  "token",
  "secret",
  "authorization",
  "cookie",
  "email",
  "phone",
  "text",
  "html",
  "body",
  "contact",
];

const logLevel = logLevelSetting();
export const logger = pino(
  {
    level: logLevel.level,
    base: { service: "wohnraum" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    // Two levels deep covers the objects the app logs ({ mail: { text } }, { headers: { cookie } }).
    redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: "[entfernt]" },
  },
  {
    // Looked up per line, so that a test can listen on process.stdout.
    write: (line: string) => process.stdout.write(line),
  },
);

export type Logger = typeof logger;

// Connection strings and "host:port" in driver messages name the database server and user.
const CONNECTION_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`]+/gi;
const HOST_AND_PORT = /(\b(?:at|to|server|host) )?`?[\w.-]+:\d{2,5}`(?!\S)|(\b(?:at|to|server|host) )[\w.-]+:\d{2,5}\b(?!:)/gi;
const IP_AND_PORT = /\b\d{1,3}(?:\.\d{1,3}){3}:\d{2,5}\b|\[[0-9a-f:]+\]:\d{2,5}/gi;
// Links with a token (invitation, password reset, offer manage links) and bearer credentials.
const TOKEN_IN_PATH = /(\/(?:einladung|passwort-zuruecksetzen|verwalten|bestaetigen|kontakt|rueckmeldung)\/)[A-Za-z0-9_-]{16,}/g;
const BEARER = /\b(Bearer|token=|Token )\s*[A-Za-z0-9._~+/=-]{8,}/gi;

/** A message as it may be logged: no connection details, no token-bearing links. */
export function sanitizeLogText(text: string): string {
  return text
    .replace(CONNECTION_URL, "[url]")
    .replace(IP_AND_PORT, "[server]")
    .replace(HOST_AND_PORT, (_match, before?: string, after?: string) => `${before ?? after ?? ""}[server]`)
    .replace(TOKEN_IN_PATH, "$1[token]")
    .replace(BEARER, "$1 [token]");
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  kind?: unknown;
  stack?: unknown;
  cause?: unknown;
  meta?: unknown;
}

/**
 * An error as it is logged. Prisma and PostgreSQL errors by type and code only: their messages
 * carry the server's address ("Can't reach database server at `host:port`") and their details the
 * values of the row ("Key (email)=(…) already exists"). Other errors with a cleaned message and
 * the first frames of their stack.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (typeof error !== "object" || error === null) return { type: typeof error, message: sanitizeLogText(String(error)) };
  const { name, message, code, kind, stack, cause } = error as ErrorLike;
  const digest = assignedDigest(error); // read as stored: reading `digest` in a request numbers the error
  const type = typeof name === "string" ? name : (error.constructor?.name ?? "Error");
  const fromDatabase = type.startsWith("Prisma") || type === "DatabaseError" || type === "DriverAdapterError" || isSqlState(code);
  const serialized: Record<string, unknown> = { type };
  if (typeof code === "string" || typeof code === "number") serialized.code = code;
  if (typeof kind === "string") serialized.kind = kind;
  if (typeof digest === "string") serialized.digest = digest;
  if (!fromDatabase) {
    if (typeof message === "string") serialized.message = sanitizeLogText(message);
    if (typeof stack === "string") serialized.stack = sanitizeLogText(stack.split("\n").slice(1, 8).join("\n"));
  }
  if (cause !== undefined && depth < 3) serialized.cause = serializeError(cause, depth + 1);
  const { err } = error as { err?: unknown };
  if (err !== undefined && depth < 3) serialized.err = serializeError(err, depth + 1);
  return serialized;
}

function isSqlState(code: unknown): boolean {
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && /\d/.test(code);
}

/**
 * Routes console output of this process (Next.js prints its own errors with console.error) into
 * the JSON log, through the same cleaning, so nothing reaches stdout as bare text.
 */
export function routeConsoleToLogger(target: Logger = logger): void {
  const write = (level: "debug" | "info" | "warn" | "error") => {
    return (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = sanitizeLogText(
        stripVTControlCharacters(format(...args.filter((arg) => arg !== error)))
          .replace(/^[\s⨯]+/, "")
          .trim(),
      );
      // An error with a digest was thrown by a page or action: instrumentation.ts's onRequestError
      // has logged it with its request; Next.js's own print of it adds nothing.
      const reported = error !== undefined && assignedDigest(error) !== undefined;
      if (error) target[reported && level === "error" ? "debug" : level]({ err: error }, text || "error");
      else target[level](text);
    };
  };
  console.log = write("info");
  console.info = write("info");
  console.debug = write("debug");
  console.warn = write("warn");
  console.error = write("error");
}

/** Logs an error that the user sees as a generic message, with the request it belongs to. */
export function logUnexpected(error: unknown, context: { requestId?: string; where: string }): void {
  logger.error({ err: error, requestId: context.requestId, where: context.where }, "unexpected error");
}

if (logLevel.problem) logger.warn(logLevel.problem);
