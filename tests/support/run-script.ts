import { spawn } from "node:child_process";
import path from "node:path";

/** Runs one of the project's scripts with tsx, its arguments and only the given environment (plus PATH, HOME). */
export function runScript(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), [script, ...args], {
      env: { NODE_ENV: "test", PATH: process.env.PATH!, HOME: process.env.HOME!, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}
