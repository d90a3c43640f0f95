// The app's server process, started by `npm start` (scripts/start.ts) and the benchmark: Next.js
// behind our own node:http server (lib/platform/http-server.ts). Reads PORT and, through the
// validated environment (lib/env.ts), TRUSTED_PROXY_HOPS, METRICS_TOKEN and DATABASE_URL; `--dev`
// for the development server. Everything it prints is a JSON log line (lib/log.ts).
import { env, type Env } from "../lib/env";
import { logger, routeConsoleToLogger } from "../lib/log";
import { serveApp } from "../lib/platform/http-server";

routeConsoleToLogger();
process.on("warning", (warning) => logger.warn({ err: warning }, "node warning"));
const port = Number(process.env.PORT ?? 3000);
let config: Env;
try {
  config = env();
} catch (error) {
  logger.fatal((error as Error).message);
  process.exit(1);
}

const server = await serveApp({
  port,
  dev: process.argv.includes("--dev"),
  trustedProxyHops: config.TRUSTED_PROXY_HOPS,
  metricsToken: config.METRICS_TOKEN,
  databaseUrl: config.DATABASE_URL,
});
logger.info({ port, metrics: Boolean(config.METRICS_TOKEN) }, "server listening");
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
