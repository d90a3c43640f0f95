// `npm run db:restore <file> [--force]`: restores a backup (npm run db:backup) into the app's
// database: DATABASE_URL / MIGRATION_DATABASE_URL, else the embedded one (the app must be stopped).
// It refuses a database that holds anything (exit code 2) unless --force, which replaces it all.
// Afterwards the app's role gets its rights again; the next start migrates to the current version.
import { z } from "zod";
import { openDatabaseForRestore } from "../lib/backup/connect";
import { BackupFileError } from "../lib/backup/format";
import { RestoreFailed, RestoreRefused, restoreBackup } from "../lib/backup/restore";
import { MigrationError } from "../lib/db/migrate";
import { setUpAppRole } from "../lib/platform/database-setup";
import { SetupError } from "../lib/platform/setup-error";
import { log, runCli } from "./cli";

const argsSchema = z.object({
  files: z.array(z.string().min(1)).length(1),
  flags: z.array(z.literal("--force")).max(1),
});

runCli(async () => {
  const raw = process.argv.slice(2);
  const args = argsSchema.safeParse({
    files: raw.filter((arg) => !arg.startsWith("--")),
    flags: raw.filter((arg) => arg.startsWith("--")),
  });
  if (!args.success) throw new SetupError("Usage: npm run db:restore <file> [--force]");
  const file = args.data.files[0]!;
  // `npm run db:restore <file> --force` hands the flag over as npm_config_force, not as an argument.
  const force = args.data.flags.includes("--force") || process.env.npm_config_force === "true";
  const started = performance.now();
  const database = await openDatabaseForRestore(log);
  try {
    const result = await restoreBackup({ url: database.url, file, force, log });
    await setUpAppRole(database);
    const rows = result.rows ? Object.values(result.rows).reduce((sum, count) => sum + count, 0) : null;
    log(
      `Restored ${file}${rows === null ? "" : `: ${rows} rows in ${Object.keys(result.rows!).length} tables at migration ${result.migration}`}` +
        ` in ${((performance.now() - started) / 1000).toFixed(1)} s. The next start migrates to the current version.`,
    );
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`[wohnraum] ${error.message}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof BackupFileError || error instanceof MigrationError || error instanceof RestoreFailed) {
      throw new SetupError(`The restore failed; no rows were restored: ${error.message}`);
    }
    throw error;
  } finally {
    await database.stop();
  }
});
