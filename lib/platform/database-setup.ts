import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { applyMigrations, MigrationError } from "../db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { describeConnectionError, SetupError } from "./setup-error";

export const DATABASE_NAME = "wohnraum";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(process.env.WOHNRAUM_DATA_DIR || ".data");
}

/** DATABASE_URL when set, otherwise the embedded PostgreSQL in the data folder. */
export async function openDatabase(log: (line: string) => void): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) {
    if (!/^postgres(ql)?:\/\//.test(configured)) throw new SetupError("DATABASE_URL must start with postgresql://.");
    await checkReachable(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new SetupError("EMBEDDED_PG_PORT must be a port number.");
  }
  const cluster = await startEmbeddedPostgres({ dataDir: dataDir(), port, log });
  try {
    await ensureDatabase(cluster.connectionString("postgres"), DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: cluster.connectionString(DATABASE_NAME), embedded: true, stop: () => cluster.stop() };
}

async function checkReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const host = safeHost(url);
    throw new SetupError(
      describeConnectionError(error, `the database at ${host} (DATABASE_URL)`) ??
        `Cannot reach the database at ${host} (DATABASE_URL): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function safeHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}`;
  } catch {
    return "DATABASE_URL";
  }
}

export async function migrate(url: string, log: (line: string) => void) {
  try {
    return await applyMigrations(url, { log });
  } catch (error) {
    if (error instanceof MigrationError) throw new SetupError(error.message);
    throw error;
  }
}

/** A secret kept in the data folder, generated on first use (embedded mode only). */
export async function persistedSecret(name: string, generate: () => string = () => randomBytes(32).toString("base64url")) {
  const file = path.join(dataDir(), name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir(), { recursive: true });
  const value = generate();
  await writeFile(file, value + "\n", { mode: 0o600 });
  return value;
}
