import http from "node:http";
import next from "next";
import { stampClientAddress } from "../http/client-address";

// The app's HTTP server: Next.js's request handler behind a plain node:http server, so the
// socket's address is known (Next.js does not expose it) and a client cannot choose its own
// address through X-Forwarded-For (see lib/http/client-address.ts).

// Sign-in and setting a password cost a password hash each. A burst of them must not occupy the
// one JavaScript thread (and the socket backlog) so that nothing else gets through: beyond this
// many in flight per process, the answer is an immediate 429, before Next.js does any work.
const MAX_SIGN_INS_IN_FLIGHT = 16;
const SIGN_IN_POSTS = [
  /^\/api\/auth\/callback\/credentials(?:[/?]|$)/,
  /^\/anmelden(?:[/?]|$)/,
  /^\/einladung\//,
  /^\/konto\/passwort(?:[/?]|$)/,
];
let signInsInFlight = 0;

function refusedAsBurst(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if (request.method !== "POST" || !SIGN_IN_POSTS.some((pattern) => pattern.test(request.url ?? ""))) return false;
  if (signInsInFlight >= MAX_SIGN_INS_IN_FLIGHT) {
    response.writeHead(429, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" });
    response.end("Zu viele Anmeldeversuche gleichzeitig. Bitte versuchen Sie es in einigen Sekunden noch einmal.");
    return true;
  }
  signInsInFlight++;
  response.once("close", () => signInsInFlight--);
  return false;
}

export async function serveApp(options: { port: number; hostname?: string; dev: boolean; trustedProxyHops: number }) {
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port, hostname: options.hostname ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    stampClientAddress(request, options.trustedProxyHops);
    if (refusedAsBurst(request, response)) return;
    void handle(request, response);
  });
  // Slow clients must not hold sockets open indefinitely.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
