import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../../lib/platform/embedded-postgres";
import { MAX_RESTARTS } from "../../lib/platform/postgres-supervisor";
import { testTempDir } from "../support/temp-dir";

// `npm start`'s own PostgreSQL: killed, it comes back; killed too often, npm start is told to end.

const lines: string[] = [];
const lost: string[] = [];
let cluster: EmbeddedCluster | undefined;
let dataDir = "";

afterAll(async () => {
  await cluster?.stop();
});

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; log: ${lines.join(" | ")}`);
}

async function killPostmaster() {
  const pid = Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
  process.kill(pid, "SIGKILL");
  return pid;
}

async function answers(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the embedded PostgreSQL under supervision", () => {
  it("restarts a killed postmaster, logging it, up to three times in five minutes; then gives up once", async () => {
    dataDir = await testTempDir("supervised-pg-");
    cluster = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line), onGiveUp: (reason) => lost.push(reason) });
    const url = cluster.connectionString("postgres");
    expect(await answers(url)).toBe(true);

    for (let restart = 1; restart <= MAX_RESTARTS; restart++) {
      const killed = await killPostmaster();
      await until(() => lines.some((line) => line.includes(`restarting it (${restart} of ${MAX_RESTARTS})`)), `restart ${restart}`);
      await until(() => answers(url), `the database after restart ${restart}`);
      const pid = Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
      expect(pid).not.toBe(killed);
    }
    expect(lines.filter((line) => line === "The embedded PostgreSQL is running again.")).toHaveLength(MAX_RESTARTS);
    expect(lost).toEqual([]);

    await killPostmaster();
    await until(() => lost.length > 0, "giving up");
    expect(lost).toEqual([expect.stringContaining("giving up")]);
    expect(await answers(url)).toBe(false);

    // Stopping a cluster whose postmaster is gone returns at once (it used to wait for an exit that never came).
    const started = Date.now();
    await cluster.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    cluster = undefined;
  }, 120_000);
});
