import { defineConfig } from "@playwright/test";

// The wiring self-check for the end-to-end layer: one test known to fail, no browser or server
// needed. Playwright must exit non-zero on it.
export default defineConfig({
  testDir: ".",
  testMatch: "known-failure.pw.ts",
  reporter: [["line"]],
  retries: 0,
  workers: 1,
});
