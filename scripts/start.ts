// `npm start`: everything a newcomer needs in one command. Starts (or connects to) PostgreSQL,
// applies migrations, seeds the demo county into an empty embedded database, runs a local SMTP
// catcher when no SMTP_URL is set, builds the app when the build is missing or stale, serves it,
// and on Ctrl-C stops it all cleanly.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../lib/demo/seed";
import { ROLE_LABELS } from "../lib/auth/roles";
import { generatePassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db/client";
import { isDatabaseEmpty, seedDemo } from "../lib/demo/seed";
import { mailCatcherUrl, startMailCatcher, type MailCatcher } from "../lib/mail/catcher";
import { openDatabase, persistedSecret, prepareDatabase, type OpenDatabase } from "../lib/platform/database-setup";
import { isPortFree } from "../lib/platform/ports";
import { SetupError } from "../lib/platform/setup-error";
import { log, runCli } from "./cli";
import { buildIfStale, spawnApp, waitForHealth } from "./next-app";

const dev = process.argv.includes("--dev");

/**
 * WOHNRAUM_LOG_FILE: everything npm start and the app print also goes to this file (appended),
 * e.g. for a host without journald; the end-to-end tests scan it for secrets.
 */
function copyOutputToFile(file: string | undefined): boolean {
  if (!file) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  const copy = createWriteStream(file, { flags: "a" });
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
    stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      copy.write(chunk);
      return write(chunk, ...rest);
    };
  }
  return true;
}
const copyingOutput = copyOutputToFile(process.env.WOHNRAUM_LOG_FILE?.trim());

function parsePort(): number {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new SetupError(`PORT must be a port number, not "${process.env.PORT}".`);
  return port;
}

async function main() {
  const port = parsePort();
  if (!(await isPortFree(port))) throw new SetupError(`Port ${port} is already in use; stop the other program or set PORT.`);

  const external = Boolean(process.env.DATABASE_URL?.trim());
  const authSecret = process.env.AUTH_SECRET?.trim() || (external ? undefined : await persistedSecret("auth-secret"));
  if (!authSecret) throw new SetupError("AUTH_SECRET is not set; it is required with DATABASE_URL (e.g. `openssl rand -base64 32`).");
  if (authSecret.length < 32) throw new SetupError("AUTH_SECRET must have at least 32 characters.");

  let database: OpenDatabase | undefined;
  let catcher: MailCatcher | undefined;
  let app: ChildProcess | undefined;
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    // First of all: PostgreSQL may already be ending from the same Ctrl-C; that is no crash.
    database?.release();
    log("Stopping ...");
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      app.kill("SIGTERM");
      const timer = setTimeout(() => app?.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await catcher?.close().catch(() => {});
    await database?.stop().catch(() => {});
    log("Stopped.");
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    // Migrations and the seed run as the owner; the app and the mail catcher use database.appUrl.
    // A postmaster that dies is restarted (lib/platform/postgres-supervisor.ts); if that fails,
    // npm start ends with that line and exit code 1, for a process manager to act on.
    database = await openDatabase(log, {
      // Ctrl-C and SIGTERM are handled above: app first, then the mail catcher, then PostgreSQL.
      ownSignalHandling: true,
      onDatabaseLost: (reason) => {
        log(reason);
        void shutdown(1);
      },
    });
    await prepareDatabase(database, log);

    let demoPassword: string | undefined;
    const demoPasswordGiven = Boolean(process.env.DEMO_PASSWORD);
    if (database.embedded) {
      demoPassword = process.env.DEMO_PASSWORD || (await persistedSecret("demo-password", () => generatePassword(12)));
      const prisma = createPrismaClient(database.url);
      try {
        if (await isDatabaseEmpty(prisma)) {
          const result = await seedDemo(prisma, { password: demoPassword, spreadReportingDates: true });
          log(
            `Seeded the demo county: ${result.municipalities} municipalities, ${result.reportsCreated} reports, ${result.offersCreated} demo offers on the board.`,
          );
        }
      } finally {
        await prisma.$disconnect();
      }
    }

    const appUrl = process.env.APP_URL || `http://localhost:${port}`;
    const smtpUrl = process.env.SMTP_URL?.trim();
    let catcherUrl: string | undefined;
    if (!smtpUrl) {
      // A new credential per start, known only to this process and the app it starts.
      const credentials = { user: "wohnraum", password: randomBytes(24).toString("base64url") };
      catcher = await startMailCatcher({
        connectionString: database.appUrl,
        port: Number(process.env.SMTP_CATCHER_PORT ?? 0),
        credentials,
        log,
      });
      catcherUrl = mailCatcherUrl(catcher.port, credentials);
    }

    // The app gets NODE_ENV from `next` itself (development for --dev, production otherwise).
    // The owner's connection stays here: the app must not be able to act as the owner.
    const { NODE_ENV: _inheritedNodeEnv, MIGRATION_DATABASE_URL: _ownerUrl, ...inheritedEnv } = process.env;
    const appEnv = {
      ...inheritedEnv,
      DATABASE_URL: database.appUrl,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: "true",
      APP_URL: appUrl,
      SMTP_URL: smtpUrl || catcherUrl,
      MAIL_CATCHER: smtpUrl ? "0" : "1",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      // The daily backup job (lib/backup) runs where npm start keeps the database itself; its
      // folder defaults to backups/ in the data folder (BACKUP_DIR).
      ...(database.embedded ? { BACKUP_SCHEDULE: process.env.BACKUP_SCHEDULE ?? "1" } : {}),
    } as Record<string, string | undefined> as NodeJS.ProcessEnv;

    if (!dev) await buildIfStale(appEnv, log);

    app = spawnApp(appEnv, { port, dev, stdio: copyingOutput ? "pipe" : "inherit" });
    app.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
    app.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    app.on("exit", (code) => {
      if (!stopping) {
        log(`The app exited unexpectedly (exit code ${code}).`);
        void shutdown(1);
      }
    });
    await waitForHealth(`http://127.0.0.1:${port}`, app);

    console.log("");
    log(`Wohnraum is running at ${appUrl}`);
    if (database.embedded) {
      log(`Database: embedded PostgreSQL (data in ${path.relative(process.cwd(), process.env.WOHNRAUM_DATA_DIR || ".data") || "."}).`);
      // A password the operator chose is not repeated into the log; a generated one must be shown.
      log(demoPasswordGiven ? "Demo accounts, with the password from DEMO_PASSWORD:" : `Demo accounts, password ${demoPassword}:`);
      for (const account of DEMO_ACCOUNTS) log(`  ${account.email.padEnd(32)} ${ROLE_LABELS[account.role]}`);
    }
    if (catcher) log(`E-mails are caught locally; admins read them at ${appUrl}/verwaltung/postausgang`);
    log("Stop with Ctrl-C.");
  } catch (error) {
    if (!stopping) {
      stopping = true;
      if (app && app.exitCode === null) app.kill("SIGTERM");
      await catcher?.close().catch(() => {});
      await database?.stop().catch(() => {});
    }
    throw error;
  }
}

runCli(main);
