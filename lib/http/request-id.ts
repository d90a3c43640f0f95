import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

// Every request gets an id that its log lines carry and the user sees with an error ("Fehlernummer"),
// so a call to the help desk finds the log line. Our HTTP server sets it before Next.js sees the
// request; an id from a client is taken only behind a trusted proxy (which sets its own).
export const REQUEST_ID_HEADER = "x-request-id";
const ACCEPTED_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Twelve hex digits: short enough to read out on the phone, unique enough for a day's logs. */
export function newRequestId(): string {
  return randomBytes(6).toString("hex");
}

/** Sets the request's id (a trusted proxy's, or a new one) on the request and returns it. */
export function stampRequestId(request: IncomingMessage, trustedProxyHops: number): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = trustedProxyHops > 0 && typeof incoming === "string" && ACCEPTED_ID.test(incoming) ? incoming : newRequestId();
  request.headers[REQUEST_ID_HEADER] = id;
  return id;
}

/** In the app: the id our server stamped (absent only when the app runs without it). */
export function requestIdOf(headers: Headers): string | undefined {
  const id = headers.get(REQUEST_ID_HEADER)?.trim();
  return id && ACCEPTED_ID.test(id) ? id : undefined;
}
