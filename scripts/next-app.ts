// Building and serving the Next.js app from scripts (npm start, npm run bench).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "../lib/platform/build-stamp";
import { SetupError } from "../lib/platform/setup-error";

export const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

/** Starts the app's own server (scripts/serve.ts: Next.js behind node:http) on `port`. */
export function spawnApp(env: NodeJS.ProcessEnv, options: { port: number; dev: boolean; stdio?: "inherit" | "ignore" }): ChildProcess {
  return spawn(process.execPath, [TSX_CLI, path.join("scripts", "serve.ts"), ...(options.dev ? ["--dev"] : [])], {
    env: { ...env, PORT: String(options.port), NODE_ENV: options.dev ? "development" : "production" },
    stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
  });
}

/** Runs `next build` when the sources changed since the last build; true if it built. */
export async function buildIfStale(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<boolean> {
  if (await isBuildCurrent()) return false;
  const stamp = await sourceStamp();
  log("Building the app (this takes about a minute) ...");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new SetupError(`next build failed (exit code ${code}).`))));
  });
  await writeBuildStamp(stamp);
  return true;
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new SetupError(`The app exited during start-up (exit code ${child.exitCode}).`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new SetupError(`The app did not become healthy within ${timeoutMs / 1000} s.`);
}
