// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { migrate, openDatabase } from "../lib/platform/database-setup";
import { log, runCli } from "./cli";

runCli(async () => {
  const database = await openDatabase(log);
  try {
    const applied = await migrate(database.url, log);
    log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
  } finally {
    await database.stop();
  }
});
