// The app's server process, started by `npm start` (scripts/start.ts) and the benchmark: Next.js
// behind our own node:http server (lib/platform/http-server.ts). Reads PORT, TRUSTED_PROXY_HOPS;
// `--dev` for the development server.
import { serveApp } from "../lib/platform/http-server";

const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
  console.error("[wohnraum] TRUSTED_PROXY_HOPS must be a whole number from 0 to 10.");
  process.exit(1);
}

const server = await serveApp({ port, dev: process.argv.includes("--dev"), trustedProxyHops: hops });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
