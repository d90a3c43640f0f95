import { execFile } from "node:child_process";
import type { BackupMethod } from "./format";

// pg_dump refuses a server of a newer major version than its own ("server version mismatch"), and
// the embedded PostgreSQL package ships no pg_dump at all. So the system's pg_dump is used only
// when it is at least as new as the server; otherwise the app writes its own logical dump.

export interface MethodChoice {
  method: BackupMethod;
  /** One sentence for the command's output. */
  reason: string;
}

/** The major version in `pg_dump --version` output ("pg_dump (PostgreSQL) 15.18 (Debian …)"), or null. */
export function toolMajorVersion(versionOutput: string | null): number | null {
  const match = versionOutput ? /\(PostgreSQL\)\s+(\d+)/.exec(versionOutput) : null;
  return match ? Number(match[1]) : null;
}

/** `serverVersion`: the server's server_version_num, e.g. 180004 for 18.4. */
export function chooseBackupMethod(options: { pgDumpVersion: string | null; serverVersion: number }): MethodChoice {
  const serverMajor = Math.floor(options.serverVersion / 10000);
  const dumpMajor = toolMajorVersion(options.pgDumpVersion);
  if (dumpMajor === null) {
    return { method: "logical", reason: `no pg_dump on PATH; the server is PostgreSQL ${serverMajor}` };
  }
  if (dumpMajor < serverMajor) {
    return { method: "logical", reason: `pg_dump ${dumpMajor} is older than the server's PostgreSQL ${serverMajor}` };
  }
  return { method: "pg_dump", reason: `pg_dump ${dumpMajor} can dump the server's PostgreSQL ${serverMajor}` };
}

/** The `--version` line of a PostgreSQL client tool on PATH, or null when there is none. */
export function toolVersion(tool: "pg_dump" | "pg_restore"): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(tool, ["--version"], { timeout: 10_000 }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}
