import http from "node:http";
import next from "next";
import { stampClientAddress } from "../http/client-address";
import { numberRequestErrors, withRequestErrorNumbers } from "../http/error-number";
import { stampRequestId } from "../http/request-id";
import { loggablePath, routeGroup } from "../http/route-group";
import { QUEUES } from "../jobs/boss";
import { logger } from "../log";
import { createAppMetrics } from "../metrics/registry";

// The app's HTTP server: Next.js's request handler behind a plain node:http server, so the
// socket's address is known (Next.js does not expose it) and a client cannot choose its own
// address through X-Forwarded-For (see lib/http/client-address.ts). It also gives every request its
// id (lib/http/request-id.ts), writes one JSON log line per request, counts it for /api/metrics
// and answers /api/metrics itself (lib/metrics/registry.ts). Errors are numbered after the request's
// id, so that the number an error page shows is the id (lib/http/error-number.ts).

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

export interface ServeOptions {
  port: number;
  hostname?: string;
  dev: boolean;
  trustedProxyHops: number;
  /** Bearer token for /api/metrics; without it, metrics are off. */
  metricsToken?: string;
  /** The app's database, for the queue and report figures of /api/metrics. */
  databaseUrl?: string;
}

export async function serveApp(options: ServeOptions) {
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port, hostname: options.hostname ?? "localhost" });
  const handle = app.getRequestHandler();
  numberRequestErrors();
  await app.prepare();
  const metrics = createAppMetrics({ token: options.metricsToken, databaseUrl: options.databaseUrl, queues: Object.values(QUEUES) });
  const server = http.createServer((request, response) => {
    const started = process.hrtime.bigint();
    const requestId = stampRequestId(request, options.trustedProxyHops);
    response.setHeader("X-Request-Id", requestId);
    const path = loggablePath(request.url ?? "/");
    const group = routeGroup(path);
    response.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = response.writableFinished ? response.statusCode : 499; // 499: the client went away first
      metrics.observeRequest(group, request.method ?? "", status, seconds);
      // Static files and health checks (every few seconds from a load balancer) only at debug level.
      const level = group === "static" || group === "health" ? "debug" : status >= 500 ? "warn" : "info";
      logger[level]({ requestId, method: request.method, group, path, status, ms: Math.round(seconds * 1000) }, "request");
    });
    stampClientAddress(request, options.trustedProxyHops);
    if (group === "metrics") {
      metrics.serve(request, response).catch((error: unknown) => {
        logger.error({ err: error, requestId }, "metrics failed");
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    if (refusedAsBurst(request, response)) return;
    void withRequestErrorNumbers(requestId, () => handle(request, response));
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
      }).then(() => metrics.close()),
  };
}
