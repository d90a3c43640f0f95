import type { IncomingMessage } from "node:http";

// Who is the client? Only our own HTTP server (lib/platform/http-server.ts) may say: it takes the
// socket's address, or, with TRUSTED_PROXY_HOPS = n, the n-th X-Forwarded-For entry from the
// right (the one our outermost trusted proxy appended), and passes it on in a header of its own,
// overwriting anything a client sent under that name.
export const CLIENT_ADDRESS_HEADER = "x-wohnraum-client-address";

/** The client's address from the socket and, behind trusted proxies, X-Forwarded-For. */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxyHops: number,
): string {
  const socket = (socketAddress ?? "").replace(/^::ffff:/, "") || "unknown";
  if (trustedProxyHops <= 0 || !forwardedFor) return socket;
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) return socket;
  // Entries left of what our trusted proxies appended were written by the client: ignored.
  return entries[Math.max(0, entries.length - trustedProxyHops)]!;
}

/** Sets the trusted header on an incoming request before Next.js sees it. */
export function stampClientAddress(request: IncomingMessage, trustedProxyHops: number): void {
  const forwarded = request.headers["x-forwarded-for"];
  const address = resolveClientAddress(
    request.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedProxyHops,
  );
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  if (trustedProxyHops <= 0) {
    // Without a trusted proxy nothing a client claims about its address is passed on.
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-real-ip"];
    delete request.headers["x-forwarded-host"];
  }
}

/** In the app: the address our server stamped; "unknown" when the app runs without it. */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
