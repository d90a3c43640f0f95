import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs, withDatabase } from "../helpers";

// While the database cannot be reached (issue 13): a German "try again" page, 503 with Retry-After
// from the APIs, nothing half-written, and the app recovers by itself. The outage here is the
// app's role being refused connections (as with an exhausted connection limit); the postmaster
// kill is tested in tests/integration/postgres-supervisor.test.ts.

const MESSAGE = "Die Datenbank ist gerade nicht erreichbar, bitte gleich noch einmal versuchen.";

async function blockApp(blocked: boolean) {
  await withDatabase(async (client) => {
    await client.query(`ALTER ROLE wohnraum_app CONNECTION LIMIT ${blocked ? 0 : -1}`);
    if (blocked) await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'wohnraum_app'");
  });
}

test("pages, forms and APIs say so in German while the database is away, and recover", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, ACCOUNTS.clerkA);
  await page.goto("/kommunen/kommune-a/meldung");
  const reportsBefore = await withDatabase(
    async (client) => (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM capacity_report")).rows[0]!.n,
  );

  await blockApp(true);
  try {
    // A form sent during the outage: the German message at the form, the input kept.
    // "keine Angabe" raises no plausibility warning, so the form goes to the server at once.
    await page.getByRole("radio", { name: "keine Angabe" }).check();
    await page.getByLabel("Kommentar").fill("während des Ausfalls");
    await page.getByRole("button", { name: /Meldung speichern/ }).click();
    await expect(page.getByText(MESSAGE)).toBeVisible();
    await expect(page.getByLabel("Kommentar")).toHaveValue("während des Ausfalls");

    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(health.headers()["retry-after"]).toBe("5");

    const api = await page.request.get("/api/kommunen/kommune-a/meldungen");
    expect(api.status()).toBe(503);
    expect(api.headers()["retry-after"]).toBe("5");
    const body = (await api.json()) as { error: string; message: string; requestId: string };
    expect(body).toMatchObject({ error: "UNAVAILABLE", message: MESSAGE });
    expect(body.requestId).toBe(api.headers()["x-request-id"]);

    // The error page's number is the request id of the page's response, so a quoted number finds
    // the request in the log.
    for (const path of ["/lage", "/de"]) {
      const response = await page.goto(path);
      const requestId = response?.headers()["x-request-id"];
      expect(requestId, path).toMatch(/^[0-9a-f]{12}$/);
      await expect(page.getByTestId("database-unavailable"), path).toHaveText(MESSAGE);
      await expect(page.getByText(`Fehlernummer für Rückfragen: ${requestId}`)).toBeVisible();
    }
    await expectNoAccessibilityViolations(page);
  } finally {
    await blockApp(false);
  }

  const reportsDuring = await withDatabase(
    async (client) => (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM capacity_report")).rows[0]!.n,
  );
  expect(reportsDuring).toBe(reportsBefore);
  // Back without a restart: the pool opens new connections.
  await expect(async () => {
    expect((await page.request.get("/api/health")).status()).toBe(200);
  }).toPass({ timeout: 20_000 });
  await page.goto("/lage");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("database-unavailable")).toHaveCount(0);
});
