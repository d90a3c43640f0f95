import http from "node:http";
import next from "next";
import { stampClientAddress } from "../http/client-address";

// The app's HTTP server: Next.js's request handler behind a plain node:http server, so the
// socket's address is known (Next.js does not expose it) and a client cannot choose its own
// address through X-Forwarded-For (see lib/http/client-address.ts).

export async function serveApp(options: { port: number; hostname?: string; dev: boolean; trustedProxyHops: number }) {
  const app = next({ dev: options.dev, dir: process.cwd(), port: options.port, hostname: options.hostname ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    stampClientAddress(request, options.trustedProxyHops);
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
