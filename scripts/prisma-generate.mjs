// Runs `prisma generate` offline. Prisma otherwise tries to download a schema-engine
// binary it does not need for generating; /bin/false makes that step fail fast instead
// (not /bin/true: that would make `prisma migrate` silently do nothing).
import { spawnSync } from "node:child_process";

const result = spawnSync("prisma", ["generate"], {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
