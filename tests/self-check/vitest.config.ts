import path from "node:path";
import { defineConfig } from "vitest/config";

// The wiring self-check (scripts/test.ts): the integration set-up of the real suite, with one test
// that is known to fail. Run in a child process, it must exit non-zero, or `npm test` stops.
const root = path.join(import.meta.dirname, "..", "..");

export default defineConfig({
  root,
  resolve: { alias: { "server-only": path.join(root, "tests/support/server-only.ts"), "@": root } },
  test: {
    name: "self-check",
    include: ["tests/self-check/*.check.ts"],
    globalSetup: ["tests/support/database-global-setup.ts"],
    setupFiles: ["tests/support/database-per-file.ts"],
    hookTimeout: 60_000,
  },
});
