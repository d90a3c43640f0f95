import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/db/migrate";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../../lib/platform/embedded-postgres";

// Integration tests run against a real PostgreSQL: DATABASE_URL's server when set, otherwise an
// embedded one in a temporary folder. A migrated template database is made once; every test file
// gets its own copy (tests/support/database-per-file.ts).

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // /tmp is reachable for the postgres user even when the checkout's parents are not.
    tempDir = await mkdtemp(path.join(os.tmpdir(), "wohnraum-test-"));
    await import("node:fs/promises").then(({ chmod }) => chmod(tempDir!, 0o755));
    cluster = await startEmbeddedPostgres({ dataDir: tempDir });
    adminUrl = cluster.connectionString("postgres");
  }
  const templateDatabase = `wohnraum_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${templateDatabase}"`);
  await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  await admin.end();
  await applyMigrations(databaseUrl(adminUrl, templateDatabase));

  project.provide("databaseAdminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    if (cluster) {
      await cluster.stop();
      await rm(tempDir!, { recursive: true, force: true });
    } else {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
      await cleanup.end();
    }
  };
}
