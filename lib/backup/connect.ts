import { existsSync } from "node:fs";
import path from "node:path";
import { DATABASE_NAME, dataDir, openDatabase, type OpenDatabase } from "../platform/database-setup";
import { runningEmbeddedCluster } from "../platform/running-cluster";
import { SetupError } from "../platform/setup-error";

// The owner's connection for `npm run db:backup` and `npm run db:restore`, resolved as
// `npm run db:migrate` does: MIGRATION_DATABASE_URL or DATABASE_URL, else the embedded database.

function embeddedMode() {
  return !process.env.DATABASE_URL?.trim() && !process.env.MIGRATION_DATABASE_URL?.trim();
}

/** For a backup: also the embedded PostgreSQL that `npm start` runs at this moment. */
export async function openDatabaseForBackup(log: (line: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  if (embeddedMode()) {
    const running = await runningEmbeddedCluster(dataDir());
    if (running) {
      log(`Using the embedded PostgreSQL that is running (port ${running.port}).`);
      return { url: running.connectionString(DATABASE_NAME), stop: () => Promise.resolve() };
    }
    if (!existsSync(path.join(dataDir(), "pg", "PG_VERSION"))) {
      throw new SetupError(`There is no database in ${dataDir()} yet (npm start creates it), so there is nothing to back up.`);
    }
  }
  const database = await openDatabase(log);
  return { url: database.url, stop: () => database.stop() };
}

/** For a restore: never into an embedded database that the running app uses. */
export async function openDatabaseForRestore(log: (line: string) => void): Promise<OpenDatabase> {
  if (embeddedMode() && (await runningEmbeddedCluster(dataDir()))) {
    throw new SetupError("The embedded PostgreSQL is running (npm start?). Stop the app first, then restore.");
  }
  return openDatabase(log);
}
