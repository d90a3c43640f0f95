// The app's server process, started by `npm start` (scripts/start.ts) and the benchmark: Next.js
// behind our own node:http server (lib/platform/http-server.ts). Reads PORT and, through the
// validated environment (lib/env.ts), TRUSTED_PROXY_HOPS; `--dev` for the development server.
import { env } from "../lib/env";
import { serveApp } from "../lib/platform/http-server";

const port = Number(process.env.PORT ?? 3000);
let trustedProxyHops: number;
try {
  trustedProxyHops = env().TRUSTED_PROXY_HOPS;
} catch (error) {
  console.error(`[wohnraum] ${(error as Error).message}`);
  process.exit(1);
}

const server = await serveApp({ port, dev: process.argv.includes("--dev"), trustedProxyHops });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
