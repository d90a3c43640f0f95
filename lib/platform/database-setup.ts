import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { applyMigrations, MigrationError } from "../db/migrate";
import { appDatabaseUrl, ensureAppRole, grantAppRole, roleOfUrl, type AppRole } from "../db/roles";
import { dataDir } from "./data-dir";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { describeConnectionError, SetupError } from "./setup-error";

export const DATABASE_NAME = "wohnraum";
/** The embedded database's login role for the running app (lib/db/roles.ts). */
export const APP_ROLE = "wohnraum_app";

export interface OpenDatabase {
  /** The owner's connection: migrations, the demo seed, the app role's set-up. */
  url: string;
  /** The running app's connection (Next.js, job workers, mail catcher); usable after prepareDatabase. */
  appUrl: string;
  embedded: boolean;
  /** Embedded mode: the app's login role, created by prepareDatabase. */
  appRole?: AppRole;
  /** Says a stop is coming (embedded mode: the supervisor stops restarting the postmaster). */
  release(): void;
  stop(): Promise<void>;
}

export { dataDir };

/**
 * DATABASE_URL (the app's connection; migrations use MIGRATION_DATABASE_URL when set) or, without
 * it, the embedded PostgreSQL in the data folder, where the app gets its own role.
 */
export async function openDatabase(
  log: (line: string) => void,
  options: { onDatabaseLost?: (reason: string) => void; ownSignalHandling?: boolean } = {},
): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL?.trim();
  const migrationUrl = process.env.MIGRATION_DATABASE_URL?.trim() || undefined;
  if (configured) {
    if (!/^postgres(ql)?:\/\//.test(configured)) throw new SetupError("DATABASE_URL must start with postgresql://.");
    if (migrationUrl && !/^postgres(ql)?:\/\//.test(migrationUrl)) {
      throw new SetupError("MIGRATION_DATABASE_URL must start with postgresql://.");
    }
    await checkReachable(configured, "DATABASE_URL");
    if (migrationUrl) await checkReachable(migrationUrl, "MIGRATION_DATABASE_URL");
    return { url: migrationUrl ?? configured, appUrl: configured, embedded: false, release: () => {}, stop: async () => {} };
  }
  if (migrationUrl) throw new SetupError("MIGRATION_DATABASE_URL needs DATABASE_URL (the app's connection) as well.");
  const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new SetupError("EMBEDDED_PG_PORT must be a port number.");
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: dataDir(),
    port,
    log,
    onGiveUp: options.onDatabaseLost,
    ownSignalHandling: options.ownSignalHandling,
  });
  try {
    await ensureDatabase(cluster.connectionString("postgres"), DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const ownerUrl = cluster.connectionString(DATABASE_NAME);
  // Generated once and kept, like the superuser's password: the role keeps it across starts.
  const appRole = { role: APP_ROLE, password: await persistedSecret("app-db-password") };
  return {
    url: ownerUrl,
    appUrl: appDatabaseUrl(ownerUrl, appRole),
    embedded: true,
    appRole,
    release: () => cluster.release(),
    stop: () => cluster.stop(),
  };
}

/**
 * Applies the migrations as the owner, then gives the app's role its rights: embedded mode creates
 * the role; an external database gets the grants when MIGRATION_DATABASE_URL names another role
 * than DATABASE_URL (docs/database-roles.sql). Returns the migrations applied.
 */
export async function prepareDatabase(database: OpenDatabase, log: (line: string) => void): Promise<string[]> {
  const applied = await migrate(database.url, log);
  await setUpAppRole(database);
  return applied;
}

/** The app role's rights on the migrated tables (also after a restore, which recreates them). */
export async function setUpAppRole(database: OpenDatabase): Promise<void> {
  try {
    if (database.appRole) {
      await ensureAppRole(database.url, database.appRole);
    } else if (roleOfUrl(database.appUrl) !== roleOfUrl(database.url)) {
      await grantAppRole(database.url, roleOfUrl(database.appUrl));
    }
  } catch (error) {
    throw new SetupError(`Could not set up the app's database role: ${(error as Error).message}`);
  }
}

async function checkReachable(url: string, variable: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const host = safeHost(url);
    throw new SetupError(
      describeConnectionError(error, `the database at ${host} (${variable})`) ??
        `Cannot reach the database at ${host} (${variable}): ${(error as Error).message}`,
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
    return "the configured address";
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
