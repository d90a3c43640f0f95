import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { hashOfferToken, newOfferToken } from "../../lib/offers/tokens";
import { freePort } from "../../lib/platform/ports";
import { spawnApp, waitForHealth } from "../../scripts/next-app";
import { withDatabase } from "./helpers";

// The public board is served from Next.js's cache (lib/offers/public-cache.ts), and two app
// instances on one database agree: a change made through one is visible on the other at its
// very next request. The second instance is this build started once more, as an operator
// scaling out would start it.

interface Listed {
  id: string;
  description: string;
}

test("the board's pages and API come from the cache, and a change through one instance shows on the other at its next request", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), "wohnraum-e2e");
  const password = readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
  const port = await freePort();
  const second = `http://localhost:${port}`;
  const child = spawnApp(
    {
      ...process.env,
      DATABASE_URL: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${process.env.E2E_PG_PORT ?? 54329}/wohnraum`,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: second,
      JOBS_WORKER: "0",
      // No mail leaves this instance: it only serves reads here.
      SMTP_URL: undefined,
    },
    { port, dev: false, stdio: "pipe" },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(second, child).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-2000)}`);
    });
    const offer = await withDatabase(
      async (client) =>
        (
          await client.query<Listed>(
            `SELECT id, description FROM housing_offer
              WHERE status = 'PUBLISHED' AND expires_at > (now() AT TIME ZONE 'UTC') + interval '1 day' AND stale_hidden_at IS NULL
              ORDER BY confirmed_at DESC LIMIT 1`,
          )
        ).rows[0]!,
    );
    const apiOf = async (base: string) =>
      (await (await fetch(`${base}/api/v1/offers/${offer.id}`)).json()) as Listed & { expiresAt: string };
    const pageOf = async (base: string) => (await fetch(`${base}/de/angebote/${offer.id}`)).text();
    const first = "http://localhost:" + new URL(test.info().project.use.baseURL!).port;

    // Both instances read the offer once and keep it.
    const before = await apiOf(first);
    expect(before.description).toBe(offer.description);
    expect((await apiOf(second)).description).toBe(offer.description);
    expect(await pageOf(second)).toContain(offer.description.slice(0, 30));

    // A write that bypasses the triggers (replication mode) is invisible: both answer from their cache.
    const unseen = "Still geändert, ohne Ereignis für den Cache.";
    await withDatabase(async (client) => {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query("UPDATE housing_offer SET description = $2 WHERE id = $1", [offer.id, unseen]);
      await client.query("COMMIT");
    });
    expect((await apiOf(first)).description).toBe(offer.description);
    expect((await apiOf(second)).description).toBe(offer.description);
    expect(await pageOf(second)).not.toContain(unseen);

    // The offerer extends the offer through the first instance (its manage link) ...
    const { token } = newOfferToken();
    await withDatabase((client) =>
      client.query("INSERT INTO offer_token (id, offer_id, token_hash) VALUES (gen_random_uuid()::text, $1, $2)", [
        offer.id,
        hashOfferToken(token),
      ]),
    );
    await page.goto(`/de/verwalten/${token}`);
    await page.getByRole("button", { name: "Um 7 Tage verlängern" }).click();
    await expect(page.getByText(/^Verlängert bis/)).toBeVisible();

    // ... and the second instance's very next answers show the offer as it now is.
    const after = await apiOf(second);
    expect(new Date(after.expiresAt).getTime()).toBeGreaterThan(new Date(before.expiresAt).getTime());
    expect(after.description).toBe(unseen);
    expect(await pageOf(second)).toContain(unseen);
    expect((await request.get(`/api/v1/offers/${offer.id}`)).ok()).toBe(true);
    expect(((await (await request.get(`/api/v1/offers/${offer.id}`)).json()) as Listed).description).toBe(unseen);

    // The lists too: the offer hidden (as the stale-offer check does it) leaves both at once, and comes back.
    const listed = async (base: string) => ((await (await fetch(`${base}/api/v1/offers?pageSize=100`)).json()) as { total: number }).total;
    const [totalFirst, totalSecond] = [await listed(first), await listed(second)];
    expect(totalFirst).toBe(totalSecond);
    await withDatabase((client) => client.query("UPDATE housing_offer SET description = $2 WHERE id = $1", [offer.id, offer.description]));
    await withDatabase((client) =>
      client.query(
        `UPDATE housing_offer SET stale_hidden_at = (now() AT TIME ZONE 'UTC'), stale_check_sent_at = (now() AT TIME ZONE 'UTC')
          WHERE id = $1`,
        [offer.id],
      ),
    );
    expect(await listed(second)).toBe(totalSecond - 1);
    expect(await listed(first)).toBe(totalFirst - 1);
    await withDatabase((client) =>
      client.query("UPDATE housing_offer SET stale_hidden_at = NULL, stale_check_sent_at = NULL WHERE id = $1", [offer.id]),
    );
    expect(await listed(second)).toBe(totalSecond);
  } finally {
    child.kill("SIGTERM");
  }
});
