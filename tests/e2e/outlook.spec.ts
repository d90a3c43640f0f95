import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs } from "./helpers";

// The outlook "weeks until places run out" (issue 12) in the demo county. Kommune K has 1 place
// free and about 0.75 new allocations a week in its invented history (no other test writes to
// it): "1 Woche", flagged below the default threshold of 4 weeks.

const row = (page: Page, slug: string) => page.locator(`tr[data-municipality="${slug}"]`);

test("/lage shows 'Reicht ca.' per municipality, the flag in words, the county's outlook and the chart's estimate", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/lage");
  await expect(page.getByRole("columnheader", { name: /^Reicht ca\./ })).toBeVisible();
  await expect(row(page, "kommune-k").locator('td[data-column="outlook"]')).toContainText("1 Woche");
  await expect(row(page, "kommune-k").locator('td[data-column="flags"]')).toContainText("reicht nur ca. 1 Woche");
  await expect(row(page, "kommune-r").locator('td[data-column="outlook"]')).toContainText("mit Aussicht: über 1 Jahr");
  await expect(page.getByTestId("county-outlook")).toContainText(/^Bei durchschnittlich [\d,]+ neuen Zuweisungen je Woche/);
  await expect(page.getByTestId("totals-row").locator('td[data-column="outlook"]')).toContainText(/Wochen|Jahr/);
  await expect(page.getByTestId("trend-estimate")).toContainText("Schätzung");
  // Sorting by the column puts the shortest first.
  await page.getByRole("button", { name: /^Reicht ca\./ }).click();
  await expect(page).toHaveURL(/sort=outlook\.asc/);
  await expect(row(page, "kommune-k").locator('td[data-column="outlook"]')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  // A phone keeps the column for wider screens; the flag stays in "Hinweise".
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/lage");
  await expect(row(page, "kommune-k").locator('td[data-column="outlook"]')).toBeHidden();
  await expect(row(page, "kommune-k").locator('td[data-column="flags"]')).toContainText("reicht nur ca. 1 Woche");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the municipality page says how long its places last, and why", async ({ page }) => {
  await signInAs(page, ACCOUNTS.press);
  await page.goto("/kommunen/kommune-k");
  await expect(page.getByTestId("municipality-outlook")).toContainText("Reicht ca. 1 Woche");
  await expect(page.getByTestId("municipality-outlook")).toContainText("reicht nur ca. 1 Woche");
  await expect(page.getByText(/^Schätzung unter der Annahme/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

/** Sets the threshold in the outlook's form (the page has several "Speichern" buttons). */
async function saveThreshold(page: Page, value: string) {
  const threshold = page.getByLabel("Warnschwelle in Wochen");
  await threshold.fill(value);
  await threshold.locator("xpath=ancestor::form").getByRole("button", { name: "Speichern" }).click();
}

test("the coordinator changes the warning threshold on /einstellungen and the flag follows", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/einstellungen");
  await saveThreshold(page, "0");
  // Checked in the browser with the server's schema: the message sits at the field.
  await expect(page.getByText("Warnschwelle in Wochen: bitte eine ganze Zahl von 1 bis 26 eingeben.")).toBeVisible();
  try {
    await saveThreshold(page, "1");
    await expect(page.getByRole("status").filter({ hasText: "Die Einstellungen der Reichweite sind gespeichert." })).toBeVisible();
    await page.goto("/lage");
    await expect(row(page, "kommune-k").locator('td[data-column="flags"]')).not.toContainText("reicht nur");
  } finally {
    await page.goto("/einstellungen");
    await saveThreshold(page, "4");
    await expect(page.getByRole("status").filter({ hasText: "Die Einstellungen der Reichweite sind gespeichert." })).toBeVisible();
  }
});
