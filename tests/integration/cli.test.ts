import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../lib/platform/ports";
import { testTempDir } from "../support/temp-dir";
import { runScript } from "../support/run-script";

// `npm start` with a bad set-up: one clear line and a non-zero exit, never a stack dump.
function start(env: Record<string, string>) {
  return runScript("scripts/start.ts", env);
}

function expectOneLine(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const secret = "x".repeat(40);

describe("npm start refuses a bad set-up clearly", () => {
  it("when the port is taken", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      expectOneLine(await start({ PORT: String(port) }), new RegExp(`Port ${port} is already in use`));
    } finally {
      server.close();
    }
  });

  it("when DATABASE_URL cannot be reached", async () => {
    const result = await start({
      PORT: String(await freePort()),
      DATABASE_URL: "postgresql://app:secret@127.0.0.1:1/wohnraum",
      AUTH_SECRET: secret,
    });
    expectOneLine(result, /Cannot reach the database at 127\.0\.0\.1:1 \(DATABASE_URL\): connection refused\./);
    expect(result.stderr).not.toContain("secret@");
  });

  it("when DATABASE_URL is not a PostgreSQL URL", async () => {
    expectOneLine(
      await start({ PORT: String(await freePort()), DATABASE_URL: "mysql://x@y/z", AUTH_SECRET: secret }),
      /DATABASE_URL must start with postgresql:\/\//,
    );
  });

  it("when the secret is missing or too short in production (with DATABASE_URL)", async () => {
    expectOneLine(await start({ PORT: String(await freePort()), DATABASE_URL: "postgresql://a@127.0.0.1:1/b" }), /AUTH_SECRET is not set/);
    expectOneLine(
      await start({ PORT: String(await freePort()), DATABASE_URL: "postgresql://a@127.0.0.1:1/b", AUTH_SECRET: "short" }),
      /at least 32 characters/,
    );
  });

  it("when the data folder holds something that is not a PostgreSQL cluster", async () => {
    const dataDir = await testTempDir("wohnraum-bad-data-");
    await mkdir(path.join(dataDir, "pg"));
    await writeFile(path.join(dataDir, "pg", "notes.txt"), "not a database");
    expectOneLine(await start({ PORT: String(await freePort()), WOHNRAUM_DATA_DIR: dataDir }), /is not a PostgreSQL cluster/);
  });

  it("when PORT is not a number", async () => {
    expectOneLine(await start({ PORT: "abc" }), /PORT must be a port number/);
  });
});

describe("db:migrate and seed:demo with DATABASE_URL", () => {
  it("migrate an empty database, then seed the demo county only when asked", async () => {
    const pg = (await import("pg")).default;
    const base = new URL(process.env.DATABASE_URL!);
    const name = `${base.pathname.slice(1)}_cli`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();
    try {
      const migrated = await runScript("scripts/db-migrate.ts", { DATABASE_URL: url });
      expect(migrated.code).toBe(0);
      expect(migrated.stdout).toMatch(/\d+ migration\(s\) applied/);
      const again = await runScript("scripts/db-migrate.ts", { DATABASE_URL: url });
      expect(again.stdout).toMatch(/up to date/);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      expect((await client.query<{ n: number }>("SELECT count(*)::int AS n FROM county")).rows[0]!.n).toBe(0);
      const seeded = await runScript("scripts/seed-demo.ts", { DATABASE_URL: url, DEMO_PASSWORD: "cli-demo-passwort" });
      expect(seeded.code).toBe(0);
      expect((await client.query<{ n: number }>("SELECT count(*)::int AS n FROM municipality")).rows[0]!.n).toBe(21);
      await client.end();
    } finally {
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
