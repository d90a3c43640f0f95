import { spawn } from "node:child_process";
import { mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { backupFileName } from "./format";

// The PostgreSQL client tools, for installations that have a pg_dump at least as new as their
// server (lib/backup/method.ts). The password goes through the environment, not the command line,
// where other users of the machine could read it.

function connectionArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit code ${code}): ${stderr.trim().split("\n")[0] ?? ""}`));
    });
  });
}

/** pg_dump's custom format: the whole app schema with its migration record, without pg-boss's queue. */
export async function writePgDumpBackup(url: string, dir: string, now = new Date()) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = backupFileName(now, "pg_dump");
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  const { dbname, env } = connectionArgs(url);
  try {
    // Ownership and grants are the restoring installation's business (lib/db/roles.ts re-applies them).
    await run(
      "pg_dump",
      [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        "--exclude-schema=pgboss",
        "--exclude-table-data=public.cache_tag_event",
        `--file=${partial}`,
        dbname,
      ],
      env,
    );
    const handle = await open(partial, "r+");
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw error;
  }
  return { file, name, bytes: (await stat(file)).size };
}

/** Restores a pg_dump archive in one transaction into an empty database. */
export async function restorePgDump(url: string, file: string): Promise<void> {
  const { dbname, env } = connectionArgs(url);
  await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, file], env);
}
