import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here; migrations are applied by the app's own
// runner (lib/db/migrate.ts), because `prisma migrate` needs a network download.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
