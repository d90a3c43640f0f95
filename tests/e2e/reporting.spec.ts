import { readFileSync } from "node:fs";
import { expect, test, type Page, type Request } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, formAlert, signInAs, withDatabase } from "./helpers";

// The demo county's latest reports are the reference county's CSV. The expected evaluation is
// derived here from the CSV with the formulas of domain.md §3, independently of lib/capacity.
const csv = readFileSync("lib/demo/landkreis-musterland.csv", "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","));
const n = (cell: string | undefined) => (cell ? Number(cell) : 0);
const expected = csv.map((cells) => {
  const [name, allocations, , , , quota, , , availableShared, availableDecentral, prospectiveShared, prospectiveDecentral] = cells;
  const places = n(availableShared) + n(availableDecentral) + n(prospectiveShared) + n(prospectiveDecentral);
  return {
    slug: name!.toLowerCase().replace(" ", "-"),
    allocations: allocations ?? "",
    quota: n(quota),
    totalPlaces: places,
    shortfall: Math.max(n(quota), 0) - places,
    available: n(availableShared) + n(availableDecentral),
    prospective: n(prospectiveShared) + n(prospectiveDecentral),
  };
});

const cell = (page: Page, slug: string, column: string) => page.locator(`tr[data-municipality="${slug}"] td[data-column="${column}"]`);
const total = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-value"));

test("the evaluation of the demo county follows the reference CSV to the person", async ({ page }) => {
  await signInAs(page, ACCOUNTS.press);
  await page.goto("/lage");
  // The demo dates three municipalities' latest reports beyond the 7-day interval (DEMO_REPORT_AGE_DAYS).
  await expect(page.getByTestId("reporting-rate")).toHaveText(/18 von 21 Kommunen/);
  for (const row of expected) {
    await expect(cell(page, row.slug, "shortfall")).toHaveAttribute("data-value", String(row.shortfall));
    await expect(cell(page, row.slug, "totalPlaces")).toHaveAttribute("data-value", String(row.totalPlaces));
    await expect(cell(page, row.slug, "allocations")).toHaveAttribute("data-value", row.allocations);
  }
  const sum = (pick: (row: (typeof expected)[number]) => number) => expected.reduce((total, row) => total + pick(row), 0);
  expect(await total(page, "total-places-needed")).toBe(sum((row) => row.quota));
  expect(await total(page, "total-available-now")).toBe(sum((row) => row.available));
  expect(await total(page, "total-prospective")).toBe(sum((row) => row.prospective));
  expect(await total(page, "total-missing-places")).toBe(sum((row) => row.quota) - sum((row) => row.available + row.prospective));
  expect(await total(page, "gross-shortfall")).toBe(sum((row) => Math.max(row.shortfall, 0)));
  expect(await total(page, "municipalities-short")).toBe(expected.filter((row) => row.shortfall > 0).length);

  // Most places missing first; the county's printed order (largest surplus first) one click away.
  const order = () =>
    page.locator("tbody tr[data-municipality]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-municipality")));
  expect(await order()).toEqual(
    [...expected].sort((a, b) => b.shortfall - a.shortfall || a.slug.localeCompare(b.slug)).map((row) => row.slug),
  );
  await expect(page.locator('tr[data-municipality="kommune-m"] td[data-column="shortfall"]')).toHaveText("73 fehlen");
  await page.getByRole("button", { name: "Reihenfolge des Landkreises (größter Überschuss zuerst)" }).click();
  await expect(page).toHaveURL(/sort=shortfall\.asc/);
  expect(await order()).toEqual(
    [...expected].sort((a, b) => a.shortfall - b.shortfall || a.slug.localeCompare(b.slug)).map((row) => row.slug),
  );
  await expect(page.locator('tr[data-municipality="kommune-r"] td[data-column="shortfall"]')).toHaveText("174 frei");
  // Unreported figures are shown as such, not as 0.
  await expect(cell(page, "kommune-g", "availableShared")).toContainText("nicht gemeldet");
  await expect(page.locator('tr[data-municipality="kommune-a"]')).toContainText("Widerspruch");
  await expectNoAccessibilityViolations(page);
});

test("table state lives in the URL: sort, filter and date", async ({ page }) => {
  await signInAs(page, ACCOUNTS.clerkA);
  await page.goto("/lage");
  await page.getByRole("button", { name: /^Kommune/ }).click();
  await expect(page).toHaveURL(/sort=name\.asc/);
  await page.getByLabel("nur Kommunen mit fehlenden Plätzen").check();
  await expect(page).toHaveURL(/knapp=1/);
  await expect(page.locator("tbody tr[data-municipality]")).toHaveCount(expected.filter((row) => row.shortfall > 0).length);

  await page.reload();
  await expect(page.getByLabel("nur Kommunen mit fehlenden Plätzen")).toBeChecked();
  await expect(page.locator("tbody tr[data-municipality]").first()).toHaveAttribute("data-municipality", "kommune-a");

  await page.goto("/lage");
  await page.getByRole("button", { name: /^Hinweise/ }).click();
  await expect(page).toHaveURL(/sort=flags\.desc/);
  // Contradicting ratings come before mere gaps in the figures.
  await expect(page.locator("tbody tr[data-municipality]").first()).toContainText("Widerspruch");

  await page.goto("/lage?q=kommune%20m");
  await expect(page.locator("tbody tr[data-municipality]")).toHaveCount(1);

  // Four weeks ago: the demo history, reported weekly, so every municipality is current then.
  const fourWeeksAgo = await page.evaluate(() => {
    const day = new Date(Date.now() - 28 * 86_400_000);
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(day);
  });
  await page.goto(`/lage?stand=${fourWeeksAgo}`);
  await expect(page.getByLabel("Stand")).toHaveValue(fourWeeksAgo);
  await expect(cell(page, "kommune-r", "reportingDate")).toHaveAttribute("data-value", fourWeeksAgo);
  expect(await total(page, "total-places-needed")).not.toBe(expected.reduce((sum, row) => sum + row.quota, 0));

  await page.goto("/lage?stand=2999-01-01");
  await expect(page.getByText("Der Stand darf nicht in der Zukunft liegen")).toBeVisible();
});

test("a clerk reports with a confirmed warning; the coordinator sees the new shortfall, totals and history", async ({ page, browser }) => {
  const coordinator = await (await browser.newContext()).newPage();
  await signInAs(coordinator, ACCOUNTS.coordinator);
  await coordinator.goto("/lage");
  const missingBefore = await total(coordinator, "total-missing-places");
  await expect(cell(coordinator, "kommune-a", "shortfall")).toHaveAttribute("data-value", "4");

  await signInAs(page, ACCOUNTS.clerkA);
  await page.goto("/kommunen/kommune-a/meldung");
  await expect(page.getByLabel("Vom Land ausgesprochene Zuweisungen")).toHaveValue("88");
  await expect(page.getByTestId("notCredited-not-reported")).toHaveCount(0);
  await page.getByLabel("Verfügbar dezentral").fill("8");
  await page.getByLabel("Mögliche Quotenanrechnung").fill("");
  await expect(page.getByTestId("possiblyCredited-not-reported")).toBeVisible();
  // 18 → 8 is a change by more than half, and "ausreichend" now contradicts a shortfall of 14.
  await expect(page.getByText("Verfügbar dezentral: 18 → 8")).toBeVisible();
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Bitte bestätigen Sie jeden Hinweis zur Plausibilität.");
  await expectNoAccessibilityViolations(page);

  for (const box of await page.getByRole("checkbox", { name: /Geprüft, die Angabe stimmt/ }).all()) await box.check();
  await page.getByLabel("Begründung (Pflicht bei Hinweisen)").fill("Zwei Wohnungen wurden gekündigt.");
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page).toHaveURL(/\/kommunen\/kommune-a\?gespeichert=1/);
  await expect(page.getByText("Die Meldung ist gespeichert.")).toBeVisible();
  await expect(page.locator('[data-figure="possiblyCredited"]')).toContainText("nicht gemeldet");
  await expect(page.getByRole("row").filter({ hasText: "Zwei Wohnungen wurden gekündigt." })).toContainText("Karl Kommune-A");
  await expectNoAccessibilityViolations(page);

  await coordinator.goto("/lage");
  await expect(cell(coordinator, "kommune-a", "shortfall")).toHaveAttribute("data-value", "14");
  expect(await total(coordinator, "total-missing-places")).toBe(missingBefore + 10);
  await coordinator.goto("/kommunen/kommune-a");
  await expect(coordinator.getByRole("heading", { name: /Alle Meldungen/ })).toBeVisible();
  // Newest first: the clerk's report heads the history, recorded with its author.
  await expect(coordinator.getByTestId("history-table").locator("tbody tr").first()).toContainText("Zwei Wohnungen wurden gekündigt.");
  await expect(coordinator.getByTestId("history-table").locator("tbody tr").first()).toContainText("Karl Kommune-A");
});

test("a report saved meanwhile is never overwritten silently", async ({ page, browser }) => {
  await signInAs(page, ACCOUNTS.clerkA);
  await page.goto("/kommunen/kommune-a/meldung");
  await page.getByLabel("Zu erfüllen").fill("40");

  // Meanwhile the coordinator saves a report for Kommune A.
  const coordinator = await (await browser.newContext()).newPage();
  await signInAs(coordinator, ACCOUNTS.coordinator);
  await coordinator.goto("/kommunen/kommune-a/meldung");
  await coordinator.getByLabel("Kommentar (optional)").fill("Telefonisch durchgegeben");
  await coordinator.getByLabel("kritisch").check();
  await coordinator.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(coordinator).toHaveURL(/gespeichert=1/);

  await page.getByLabel("kritisch").check();
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(formAlert(page).first()).toContainText("Inzwischen wurde eine neuere Meldung gespeichert");
  await expect(page.getByRole("heading", { name: /Neuere Meldung vom .* \(Kim Koordination\)/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Zu erfüllen/ })).toHaveAttribute("data-differs", "true");
  await expect(page.getByLabel("Zu erfüllen")).toHaveValue("40");
  await expectNoAccessibilityViolations(page);

  // Having seen the newer report, the clerk may save on top of it.
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page).toHaveURL(/gespeichert=1/);
});

test("roles: press and other municipalities' clerks cannot open the form; the server action refuses them", async ({ page, browser }) => {
  await signInAs(page, ACCOUNTS.clerkA);
  await page.goto("/kommunen/kommune-b/meldung");
  await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  await page.goto("/kommunen/kommune-b");
  await expect(page.getByRole("link", { name: "Neue Meldung" })).toHaveCount(0);

  // The coordinator's real server-action request for Kommune B ...
  const coordinator = await (await browser.newContext()).newPage();
  await signInAs(coordinator, ACCOUNTS.coordinator);
  await coordinator.goto("/kommunen/kommune-b/meldung");
  let recorded: Request | undefined;
  coordinator.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) recorded = request;
  });
  await coordinator.getByLabel("Zu erfüllen").fill("99");
  for (const box of await coordinator.getByRole("checkbox", { name: /Geprüft, die Angabe stimmt/ }).all()) await box.check();
  await coordinator.getByLabel("Begründung (Pflicht bei Hinweisen)").fill("Neue Zuweisungen des Landes");
  await coordinator.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(coordinator).toHaveURL(/gespeichert=1/);
  expect(recorded).toBeDefined();

  // ... replayed by the clerk of Kommune A with every warning confirmed: refused, nothing stored.
  const count = () =>
    withDatabase(
      async (client) =>
        (
          await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM capacity_report r JOIN municipality m ON m.id = r.municipality_id WHERE m.slug = 'kommune-b'`,
          )
        ).rows[0]!.n,
    );
  const before = await count();
  const response = await page.request.post("/kommunen/kommune-b/meldung", {
    headers: {
      "next-action": recorded!.headers()["next-action"]!,
      "content-type": recorded!.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: recorded!.postData()!,
  });
  expect(await response.text()).toContain("Für diese Kommune dürfen Sie keine Zahlen melden.");
  expect(await count()).toBe(before);

  const press = await (await browser.newContext()).newPage();
  await signInAs(press, ACCOUNTS.press);
  await press.goto("/kommunen/kommune-a/meldung");
  await expect(press.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  await press.goto("/einstellungen");
  await expect(press.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
});

test("coordinators set the reporting interval", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  // The settings page has several forms; this one is in the "Meldeintervall" section.
  const save = () => page.getByRole("region", { name: "Meldeintervall" }).getByRole("button", { name: "Speichern" });
  await page.goto("/einstellungen");
  await page.getByLabel("Meldeintervall in Tagen").fill("0");
  await save().click();
  await expect(page.getByText("Das Intervall muss mindestens 1 Tag betragen.")).toBeVisible();
  await expect(page.getByLabel("Meldeintervall in Tagen")).toHaveValue("0");
  await page.getByLabel("Meldeintervall in Tagen").fill("14");
  await save().click();
  await expect(page.getByText("Das Meldeintervall ist gespeichert.")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.goto("/lage");
  await expect(page.getByTestId("reporting-rate")).toContainText("(14 Tage)");
  await page.goto("/einstellungen");
  await page.getByLabel("Meldeintervall in Tagen").fill("7");
  await save().click();
  await expect(page.getByText("Das Meldeintervall ist gespeichert.")).toBeVisible();
});
