import { expect, test, type Request } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, saveScreenshot, signInAs, withDatabase } from "./helpers";

// The balancing proposal (/lage/ausgleich) and the neighbours it prefers (/verwaltung/nachbarn).

const neighboursOfJ = () =>
  withDatabase(async (client) => {
    const { rows } = await client.query<{ name: string; minutes: number | null }>(
      `SELECT o.name, n.travel_minutes AS minutes
         FROM municipality_neighbour n
         JOIN municipality j ON j.id IN (n.municipality_id, n.neighbour_id) AND j.slug = 'kommune-j'
         JOIN municipality o ON o.id IN (n.municipality_id, n.neighbour_id) AND o.id <> j.id
        ORDER BY o.name`,
    );
    return rows;
  });

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  test(`the coordinator asks for a proposal on /lage and reads it in words at ${width} px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await signInAs(page, ACCOUNTS.coordinator);
    await page.goto("/lage");
    await page.getByRole("link", { name: /Ausgleichsvorschlag/ }).click();
    await expect(page).toHaveURL(/\/lage\/ausgleich\?stand=\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausgleichsvorschlag");
    await expect(page.getByText("Ein Vorschlag, keine Vereinbarung")).toBeVisible();
    await expect(page.getByTestId("balancing-summary")).toContainText("In 7 Kommunen fehlen 134 Plätze");
    await expect(page.getByTestId("balancing-remainder")).toHaveText("Danach fehlen im Landkreis keine Plätze mehr.");
    const first = page.getByTestId("proposal-line").first();
    await expect(first).toContainText("Kommune M: 73 fehlen");
    await expect(first).toContainText("aus Kommune L (Nachbar");
    // A table on wide screens, a card per transfer on phones.
    await expect(page.getByTestId(width > 800 ? "transfer-table" : "transfer-cards")).toBeVisible();
    await expect(page.getByTestId(width > 800 ? "transfer-cards" : "transfer-table")).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, `ausgleich-${width}`);
    await context.close();
  });
}

test("press and clerks get no proposal and no neighbours page", async ({ page }) => {
  for (const account of [ACCOUNTS.press, ACCOUNTS.clerkA]) {
    await signInAs(page, account);
    await page.goto("/lage");
    await expect(page.getByRole("link", { name: /Ausgleichsvorschlag/ })).toHaveCount(0);
    for (const path of ["/lage/ausgleich", "/verwaltung/nachbarn"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
    }
    await page.getByRole("button", { name: "Abmelden" }).click();
  }
});

test("an admin records neighbours; a wrong travel time is refused at its field; a coordinator replaying the action is refused", async ({
  page,
  browser,
}) => {
  await signInAs(page, ACCOUNTS.admin);
  // Found from the settings page (the header has no room for every admin page).
  await page.goto("/einstellungen");
  await page.getByRole("link", { name: "Nachbarn und Fahrzeiten erfassen" }).click();
  await expect(page).toHaveURL(/\/verwaltung\/nachbarn$/);
  await page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Kommune J" });
  await page.getByRole("button", { name: "Auswählen" }).click();
  await expect(page.getByRole("heading", { name: "Nachbarn von Kommune J" })).toBeVisible();
  const form = page.getByTestId("neighbour-form");
  await form.getByLabel("Kommune A", { exact: true }).check();
  await form.getByLabel("Fahrzeit nach Kommune A in Minuten").fill("0");
  await page.getByRole("button", { name: "Nachbarn speichern" }).click();
  // Checked in the browser with the server's schema: nothing was sent.
  await expect(page.getByTestId("error-summary")).toBeFocused();
  await expect(form.getByLabel("Fahrzeit nach Kommune A in Minuten")).toHaveAttribute("aria-invalid", "true");
  await expectNoAccessibilityViolations(page);

  let recorded: Request | undefined;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) recorded = request;
  });
  await form.getByLabel("Fahrzeit nach Kommune A in Minuten").fill("12");
  await page.getByRole("button", { name: "Nachbarn speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nachbarkommunen von Kommune J sind gespeichert" })).toBeVisible();
  await expect(page.getByTestId("neighbour-overview")).toContainText("Kommune A (12 Min.)");
  const saved = await neighboursOfJ();
  expect(saved).toContainEqual({ name: "Kommune A", minutes: 12 });

  // The same request from a coordinator, with another travel time: refused, nothing changes.
  const coordinator = await (await browser.newContext()).newPage();
  await signInAs(coordinator, ACCOUNTS.coordinator);
  const body = recorded!.postData()!.replace(/\r\n\r\n12\r\n/, "\r\n\r\n99\r\n");
  expect(body).not.toBe(recorded!.postData());
  const response = await coordinator.request.post("/verwaltung/nachbarn", {
    headers: {
      "next-action": recorded!.headers()["next-action"]!,
      "content-type": recorded!.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: body,
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Dafür fehlt Ihnen die Berechtigung.");
  expect(await neighboursOfJ()).toEqual(saved);
});
