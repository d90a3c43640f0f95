// Building and serving the Next.js app from scripts (npm start, npm run bench).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "../lib/platform/build-stamp";
import { SetupError } from "../lib/platform/setup-error";

export const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
export const TSX_CLI = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

/** Starts the app's own server (scripts/serve.ts: Next.js behind node:http) on `port`. */
export function spawnApp(
  env: NodeJS.ProcessEnv,
  options: { port: number; dev: boolean; stdio?: "inherit" | "ignore" | "pipe" },
): ChildProcess {
  // Node's own warnings would be bare lines on stderr; scripts/serve.ts logs them as JSON instead.
  return spawn(process.execPath, ["--no-warnings", TSX_CLI, path.join("scripts", "serve.ts"), ...(options.dev ? ["--dev"] : [])], {
    env: { ...env, PORT: String(options.port), NODE_ENV: options.dev ? "development" : "production" },
    stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
  });
}

/** Runs `next build` when the sources changed since the last build; true if it built. */
export async function buildIfStale(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<boolean> {
  if (await isBuildCurrent()) return false;
  const stamp = await sourceStamp();
  log("Building the app (this takes about a minute) ...");
  const started = Date.now();
  await runBuild(env);
  await writeBuildStamp(stamp);
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  return true;
}

// The build's progress lines and route table would bury the start-up log (URL, accounts,
// password), so they are kept back and printed only when the build fails, where they are the
// explanation.
function runBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => reject(new SetupError(`next build could not be started: ${error.message}`)));
    // "close", not "exit": only then has all of the output arrived.
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      process.stderr.write(Buffer.concat(output));
      reject(new SetupError(`next build failed (${signal ? `signal ${signal}` : `exit code ${code}`}); its output is above.`));
    });
  });
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
