import "server-only";
import { guardedJsonRoute } from "../../http/request-guard";
import { entityTag, httpDate, isNotModified } from "./etag";
import { apiErrorSchema } from "./schemas";

// The open-data routes behind the common request guard, with two exceptions to its rules: their
// answers are the same for everyone and carry no credentials, so any site may read them (CORS *)
// and shared caches may keep a success for a minute. Errors stay `no-store`.

export const CACHE_CONTROL = "public, max-age=60";
export const JSON_TYPE = "application/json";

const CORS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  // ETag is not readable by scripts elsewhere unless named.
  "Access-Control-Expose-Headers": "ETag, Last-Modified",
};

export function openDataRoute<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  const guarded = guardedJsonRoute<Context>((request, context) => handler(request, context));
  return async (request, context) => {
    const response = await guarded(request, context);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(CORS)) headers.set(name, value);
    if (response.status === 200 || response.status === 304) headers.set("Cache-Control", CACHE_CONTROL);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** A body with its validators: 304 without it when the client's copy is current. */
export function representation(request: Request, body: string, contentType: string, lastModified?: Date): Response {
  const etag = entityTag(body);
  const headers = new Headers({ ETag: etag });
  if (lastModified) headers.set("Last-Modified", httpDate(lastModified));
  if (isNotModified(request.headers, etag, lastModified)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", contentType);
  return new Response(body, { status: 200, headers });
}

/** A script elsewhere that sends its own If-None-Match asks first (a CORS preflight). */
export function preflight(): Promise<Response> {
  return Promise.resolve(
    new Response(null, {
      status: 204,
      headers: {
        "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
        "Access-Control-Max-Age": "86400",
      },
    }),
  );
}

/** 410 for an offer that was listed once: AppError has no such code. */
export function gone(message: string): Response {
  return Response.json(apiErrorSchema.parse({ error: "GONE", message }), { status: 410 });
}
