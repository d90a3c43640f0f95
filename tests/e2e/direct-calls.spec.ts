import { expect, test, type Request } from "@playwright/test";
import { ACCOUNTS, signInAs, withDatabase } from "./helpers";

// What an attacker with a valid account does: skip the UI and call the server directly.

const reportsOf = (slug: string) =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM capacity_report r JOIN municipality m ON m.id = r.municipality_id WHERE m.slug = $1`,
      [slug],
    );
    return rows[0]!.n;
  });

const daysAgo = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(Date.now() - days * 86_400_000));
// An old reporting date, so the current evaluation (reporting.spec.ts) is not affected.
const report = { reportingDate: daysAgo(200), allocations: 1, quotaOutstanding: 99, situation: "SUFFICIENT" };
const latestSavedId = async (request: import("@playwright/test").APIRequestContext, slug: string) =>
  ((await (await request.get(`/api/kommunen/${slug}/meldungen`)).json()) as { latestSavedId: string }).latestSavedId;

test("the report route: a clerk of Kommune A cannot write figures for Kommune B", async ({ page }) => {
  await signInAs(page, ACCOUNTS.clerkA);
  const before = { a: await reportsOf("kommune-a"), b: await reportsOf("kommune-b") };

  const forB = await page.request.post("/api/kommunen/kommune-b/meldungen", {
    data: { ...report, baseReportId: await latestSavedId(page.request, "kommune-b") },
  });
  expect(forB.status()).toBe(403);
  expect(((await forB.json()) as { message: string }).message).toBe("Für diese Kommune dürfen Sie keine Zahlen melden.");
  expect(await reportsOf("kommune-b")).toBe(before.b);

  const base = await latestSavedId(page.request, "kommune-a");
  const unconfirmed = await page.request.post("/api/kommunen/kommune-a/meldungen", { data: { ...report, baseReportId: base } });
  expect(unconfirmed.status()).toBe(422);
  const warnings = ((await unconfirmed.json()) as { warnings: { code: string }[] }).warnings.map((warning) => warning.code);
  expect(warnings.length).toBeGreaterThan(0);
  const stale = await page.request.post("/api/kommunen/kommune-a/meldungen", {
    data: { ...report, baseReportId: null, confirmedWarnings: warnings, warningNote: "Test" },
  });
  expect(stale.status()).toBe(409);
  expect(await reportsOf("kommune-a")).toBe(before.a);

  const forA = await page.request.post("/api/kommunen/kommune-a/meldungen", {
    data: { ...report, baseReportId: base, confirmedWarnings: warnings, warningNote: "Test" },
  });
  expect(forA.status()).toBe(201);
  expect(await reportsOf("kommune-a")).toBe(before.a + 1);

  const invalid = await page.request.post("/api/kommunen/kommune-a/meldungen", { data: { ...report, allocations: -1 } });
  expect(invalid.status()).toBe(400);
  expect(((await invalid.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.allocations![0]).toContain("nicht negativ");
  expect(await reportsOf("kommune-a")).toBe(before.a + 1);
});

test("the report route refuses press and anonymous callers", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.post("/api/kommunen/kommune-a/meldungen", { data: report })).status()).toBe(401);
  await signInAs(page, ACCOUNTS.press);
  expect((await page.request.post("/api/kommunen/kommune-a/meldungen", { data: report })).status()).toBe(403);
});

test("a clerk replaying the admin's create-user server action is refused and nothing is stored", async ({ page, browser }) => {
  // Record the real server-action request the admin's browser sends ...
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/verwaltung/benutzer");
  let recorded: Request | undefined;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) recorded = request;
  });
  await page.getByLabel("Name", { exact: true }).fill("Erlaubt Angelegt");
  await page.getByLabel("E-Mail-Adresse").fill("erlaubt@example.org");
  await page.getByLabel("Rolle").selectOption({ label: "Pressestelle" });
  await page.getByLabel("Zugang übergeben per").selectOption({ label: "Einmalpasswort" });
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(page.getByText("Das Konto für erlaubt@example.org wurde angelegt.")).toBeVisible();
  expect(recorded).toBeDefined();

  // ... and replay it as a clerk, for a new admin account.
  const clerk = await (await browser.newContext()).newPage();
  await signInAs(clerk, ACCOUNTS.clerkA);
  const body = recorded!.postData()!.replaceAll("erlaubt@example.org", "eingeschleust@example.org").replaceAll("PRESS", "ADMIN");
  const response = await clerk.request.post("/verwaltung/benutzer", {
    headers: {
      "next-action": recorded!.headers()["next-action"]!,
      "content-type": recorded!.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: body,
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Dafür fehlt Ihnen die Berechtigung.");
  const stored = await withDatabase((client) => client.query(`SELECT 1 FROM app_user WHERE email = 'eingeschleust@example.org'`));
  expect(stored.rowCount).toBe(0);
});
