import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./tests/support/chromium";

// Run through `npm test` (scripts/test.ts), which resolves a Chromium, chooses the ports and a
// fresh data folder, and passes them here. The app is started exactly as a user starts it.
const port = Number(process.env.E2E_PORT ?? 3105);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), "wohnraum-e2e");
export const E2E_DEMO_PASSWORD = "e2e-demo-passwort";
export const E2E_METRICS_TOKEN = "e2e-metrics-token-0123456789";
/** Everything npm start and the app print during the run (scanned for secrets at the end). */
export const E2E_LOG_FILE = path.join(dataDir, "server-output.log");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // The operations checks need the whole suite behind them: the outage one blocks the database
  // for a moment, and the log scan reads what every other test made the server print.
  projects: [
    { name: "app", testIgnore: /after-suite\// },
    { name: "database-outage", testMatch: /after-suite\/database-outage\.spec\.ts/, dependencies: ["app"] },
    { name: "log-scan", testMatch: /after-suite\/log-scan\.spec\.ts/, dependencies: ["database-outage"] },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: "./node_modules/.bin/tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(port),
      WOHNRAUM_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54329",
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      WOHNRAUM_LOG_FILE: E2E_LOG_FILE,
      APP_URL: `http://localhost:${port}`,
      DATABASE_URL: "",
      SMTP_URL: "",
    },
  },
});
