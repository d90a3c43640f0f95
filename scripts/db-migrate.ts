// `npm run db:migrate`: applies pending migrations (as MIGRATION_DATABASE_URL's role when set, else
// DATABASE_URL's, else the embedded database's owner), then gives the app's role its rights.
import { openDatabase, prepareDatabase } from "../lib/platform/database-setup";
import { log, runCli } from "./cli";

runCli(async () => {
  const database = await openDatabase(log);
  try {
    const applied = await prepareDatabase(database, log);
    log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
  } finally {
    await database.stop();
  }
});
