import "server-only";
import { NextRequest } from "next/server";
import { env } from "../env";
import { AppError } from "../errors";
import { errorResponse } from "./responses";
import { requestIdOf } from "./request-id";

// One guard for every route handler, intranet and public board alike. A request that changes
// data must be JSON (or, for Auth.js, a form), must come from this site, and may be at most
// 64 KB; every answer is `Cache-Control: no-store`. A cross-site page can neither send a
// "simple" text/plain request (415) nor a forged Origin (403), and a huge body is refused before
// it is read into memory (413).

export const MAX_BODY_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type BodyKind = "json" | "form";

const CONTENT_TYPES: Record<BodyKind, string> = {
  json: "application/json",
  form: "application/x-www-form-urlencoded",
};

/** Host names (with port) this app is reached under: the request's own and APP_URL's. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const host = request.headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  // Behind a trusted reverse proxy the public host arrives as X-Forwarded-Host.
  const forwardedHost = env().TRUSTED_PROXY_HOPS > 0 ? request.headers.get("x-forwarded-host") : null;
  if (forwardedHost) hosts.add(forwardedHost.split(",")[0]!.trim().toLowerCase());
  hosts.add(new URL(env().APP_URL).host.toLowerCase());
  return hosts;
}

/** Browsers send Origin (and Sec-Fetch-Site) with every POST; scripts without a browser send neither. */
export function checkSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let host: string | null = null;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      host = null; // "null" or garbage
    }
    if (!host || !ownHosts(request).has(host)) throw new AppError("FORBIDDEN", "Anfragen von fremden Seiten werden nicht angenommen.");
    return;
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") {
    throw new AppError("FORBIDDEN", "Anfragen von fremden Seiten werden nicht angenommen.");
  }
}

function checkContentType(request: Request, kind: BodyKind): void {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== CONTENT_TYPES[kind]) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Erwartet wird ${CONTENT_TYPES[kind]}.`);
  }
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "Der Inhalt ist zu groß.");

/** Reads the body up to `limit` bytes; stops reading (and refuses) as soon as it is larger. */
export async function readBodyLimited(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limit)) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("VALIDATION", "Der Inhalt ist kein gültiges JSON.");
  }
}

function noStore(response: Response): Response {
  try {
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch {
    // Immutable headers (a response passed through from fetch): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set("Cache-Control", "no-store");
    return copy;
  }
}

export interface GuardedInput {
  /** The parsed JSON body of a request that changes data; undefined for GET/HEAD. */
  body: unknown;
}

/** A JSON route handler behind the guard. Expected errors become their status; others 500. */
export function guardedJsonRoute<Context>(
  handler: (request: Request, context: Context, input: GuardedInput) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      let body: unknown;
      if (!SAFE_METHODS.has(request.method)) {
        checkContentType(request, "json");
        checkSameOrigin(request);
        body = parseJson(await readBodyLimited(request));
      }
      return noStore(await handler(request, context, { body }));
    } catch (error) {
      return noStore(errorResponse(error, requestIdOf(request.headers)));
    }
  };
}

/**
 * The same guard for a handler that reads the form body itself (Auth.js): the body is read
 * within the limit and handed on as a fresh request.
 */
export function guardedFormRoute(handler: (request: NextRequest) => Promise<Response>): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    try {
      if (SAFE_METHODS.has(request.method)) return noStore(await handler(request));
      checkContentType(request, "form");
      checkSameOrigin(request);
      const body = await readBodyLimited(request);
      const forwarded = new NextRequest(request.url, { method: request.method, headers: request.headers, body: Buffer.from(body) });
      return noStore(await handler(forwarded));
    } catch (error) {
      return noStore(errorResponse(error, requestIdOf(request.headers)));
    }
  };
}
