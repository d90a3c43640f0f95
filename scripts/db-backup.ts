// `npm run db:backup [--method=logical|pg_dump]`: writes a backup of the app's database to
// BACKUP_DIR (default .data/backups) and records it as an audit event (/verwaltung/sicherungen).
// The method: pg_dump when one at least as new as the server is on PATH, else the app's own
// logical dump (lib/backup/method.ts). Works while `npm start` runs.
import path from "node:path";
import { z } from "zod";
import { openDatabaseForBackup } from "../lib/backup/connect";
import { backupDirectory } from "../lib/backup/format";
import { runBackup } from "../lib/backup/run";
import { createPrismaClient } from "../lib/db/client";
import { formatFileSize } from "../lib/format";
import { SetupError } from "../lib/platform/setup-error";
import { log, runCli } from "./cli";

const methodSchema = z.enum(["auto", "logical", "pg_dump"]);

runCli(async () => {
  // `npm run db:backup --method=logical` hands the option over as npm_config_method, not as an argument.
  const given = process.argv.slice(2);
  const fromArgs = given.length === 1 ? /^--method=(.*)$/.exec(given[0]!)?.[1] : undefined;
  const method = methodSchema.safeParse(given.length ? fromArgs : (process.env.npm_config_method ?? "auto"));
  if (!method.success) throw new SetupError("Usage: npm run db:backup [--method=logical|pg_dump]");
  const dir = backupDirectory();
  const database = await openDatabaseForBackup(log);
  try {
    const prisma = createPrismaClient(database.url);
    try {
      const run = await runBackup({ prisma, connectionString: database.url, dir, method: method.data, trigger: "command" });
      const described = run.method === "logical" ? "the app's logical dump" : "pg_dump --format=custom";
      log(`Method: ${described} (${run.reason}).`);
      if (!run.ok) throw new SetupError(`The backup failed: ${run.error}`);
      const rows = run.rows ? `, ${Object.values(run.rows).reduce((sum, count) => sum + count, 0)} rows` : "";
      log(`Backup written: ${path.join(dir, run.name)} (${formatFileSize(run.bytes)}${rows}, ${(run.durationMs / 1000).toFixed(1)} s).`);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
