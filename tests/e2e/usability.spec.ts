import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs } from "./helpers";

// The main question of each user on the first screen, and no page that scrolls sideways.

test("/lage at 1440×900: the totals and the worst-short municipality are on the first screen, with the sign in words", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/lage");
  const worst = page.locator('tr[data-municipality="kommune-m"]');
  await expect(worst.locator('td[data-column="shortfall"]')).toHaveText("73 fehlen");
  for (const element of [page.getByTestId("gross-shortfall"), page.getByTestId("total-missing-places"), worst]) {
    const box = await element.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
  }
  // Other tests may have changed the figures by now; the sign is said in words either way.
  await expect(page.getByTestId("total-missing-places")).toHaveText(
    /^[\d.]+ Plätze mehr als benötigt$|^[\d.]+ Pl(atz|ätze) fehl(t|en)$|^ausgeglichen$/,
  );
  // At 1,280 px the whole table fits without sideways scrolling.
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  const table = await page.getByTestId("evaluation-table").boundingBox();
  expect(table!.width).toBeLessThanOrEqual(1280);
});

test("a clerk finds the own municipality highlighted on /lage", async ({ page }) => {
  await signInAs(page, ACCOUNTS.clerkA);
  await page.goto("/lage");
  await expect(page.locator('tr[data-municipality="kommune-a"]')).toHaveAttribute("data-own", "true");
  await expect(page.locator('tr[data-municipality="kommune-a"]')).toContainText("Ihre Kommune");
});

test("a Stand before the first report says so plainly", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/lage?stand=2001-01-01");
  await expect(page.getByText("Für diesen Stand (01.01.2001) liegen keine Meldungen vor.")).toBeVisible();
  await expect(page.getByTestId("evaluation-table")).toHaveCount(0);
});

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  test(`at ${width}×${height} the coordinator's pages do not scroll sideways and pass axe`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signInAs(page, ACCOUNTS.coordinator);
    for (const path of ["/uebersicht", "/lage", "/export", "/angebote"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
      await expectNoAccessibilityViolations(page);
    }
  });
}
