import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { databaseUrl } from "./database-global-setup";

// Each test file works on its own fresh copy of the migrated template database.
const adminUrl = inject("databaseAdminUrl");
const template = inject("templateDatabase");
const database = `wohnraum_test_${randomBytes(6).toString("hex")}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
process.env.DATABASE_URL = databaseUrl(adminUrl, database);
process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
process.env.APP_URL ??= "http://localhost:3999";

afterAll(async () => {
  const globals = globalThis as unknown as {
    prisma?: { $disconnect(): Promise<void> };
    boss?: Promise<{ stop(options?: object): Promise<void> }>;
  };
  if (globals.boss) await (await globals.boss).stop({ graceful: false, wait: true }).catch(() => {});
  await globals.prisma?.$disconnect();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
});
