// `npm test`: unit and integration tests (vitest), then end-to-end tests (Playwright) against the
// built app, started the way `npm start` starts it, with a fresh embedded database and the local
// SMTP catcher. `--e2e` runs only the end-to-end part; further arguments go to Playwright.
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

async function main() {
  const args = process.argv.slice(2);
  const e2eOnly = args[0] === "--e2e";
  const passThrough = e2eOnly ? args.slice(1) : args;
  const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

  if (!e2eOnly) {
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

main().then((code) => process.exit(code));
