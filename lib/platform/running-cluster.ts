import { readFile } from "node:fs/promises";
import path from "node:path";

// `npm run db:backup` while `npm start` runs: the embedded PostgreSQL already owns the data folder,
// so a second one cannot start there. Its postmaster.pid says whether it runs and on which port.

export interface RunningCluster {
  pid: number;
  port: number;
  /** The superuser's connection to `database`. */
  connectionString(database: string): string;
}

/** The embedded cluster in `dataDir` if its postmaster is alive and ready; null otherwise. */
export async function runningEmbeddedCluster(dataDir: string): Promise<RunningCluster | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return null;
  }
  // postmaster.pid: pid, data folder, start time, port, socket folder, listen address, shared memory key, status.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || lines[7]?.trim() !== "ready") return null;
  if (!isAlive(pid)) return null;
  const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  return {
    pid,
    port,
    connectionString: (database) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // As root, PostgreSQL runs as the postgres user: signalling it is refused, but it exists.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
