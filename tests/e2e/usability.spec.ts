import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, saveScreenshot, signInAs } from "./helpers";

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
  await saveScreenshot(page, "lage-1440");
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

/** Every intranet page each role may open: the navigation's, the account page, a municipality and its form. */
const PAGES: Partial<Record<keyof typeof ACCOUNTS, string[]>> = {
  admin: [
    "/uebersicht",
    "/lage",
    "/lage/druck",
    "/lage/ausgleich",
    "/kommunen/kommune-m",
    "/export",
    "/angebote",
    "/angebote/nachbetreuung",
    "/einstellungen",
    "/verwaltung/benutzer",
    "/verwaltung/nachbarn",
    "/verwaltung/postausgang",
    "/verwaltung/sicherungen",
    "/konto/passwort",
  ],
  coordinator: [
    "/uebersicht",
    "/lage",
    "/lage/ausgleich",
    "/amtshilfe",
    "/kommunen/kommune-m",
    "/kommunen/kommune-m/meldung",
    "/export",
    "/angebote",
    "/angebote/nachbetreuung",
    "/einstellungen",
    "/konto/passwort",
  ],
  press: ["/uebersicht", "/lage", "/lage/boerse", "/amtshilfe", "/kommunen/kommune-m", "/export", "/konto/passwort", "/kein-zugriff"],
  clerkA: ["/uebersicht", "/lage", "/amtshilfe/neu", "/kommunen/kommune-a", "/kommunen/kommune-a/meldung", "/angebote", "/konto/passwort"],
};

test("at 1440×900 and 390×844 no intranet page of any role scrolls sideways, and axe finds nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  // The two sizes side by side: each in its own browser context, so the two cores share the work.
  await Promise.all(
    (
      [
        [1440, 900],
        [390, 844],
      ] as const
    ).map(async ([width, height]) => {
      for (const [role, paths] of Object.entries(PAGES) as [keyof typeof ACCOUNTS, string[]][]) {
        const context = await browser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        await signInAs(page, ACCOUNTS[role]);
        for (const path of paths) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px, ${role}, ${path}`).toBeLessThanOrEqual(
            width,
          );
          await expectNoAccessibilityViolations(page);
        }
        await context.close();
      }
    }),
  );
});

test("/lage on a 390 px phone: the gross shortfall and the short municipalities come first; the menu folds away", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/lage");
  for (const element of [page.getByTestId("gross-shortfall"), page.getByTestId("short-summary")]) {
    const box = await element.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  }
  await expect(page.getByTestId("short-summary")).toContainText("Kommune M (73 fehlen)");
  // The table's Bedarf column is visible without scrolling sideways (detail figures wait for wider screens).
  const bedarf = await page.locator('tr[data-municipality="kommune-m"] td[data-column="shortfall"]').boundingBox();
  expect(bedarf!.x + bedarf!.width).toBeLessThanOrEqual(390);
  await expect(page.locator('tr[data-municipality="kommune-m"] td[data-column="allocations"]')).toBeHidden();
  await saveScreenshot(page, "lage-390");
  // The navigation is one tap away.
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menü" }).click();
  await expect(page.getByRole("button", { name: "Menü" })).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Übersicht" }).click();
  await expect(page).toHaveURL(/\/uebersicht$/);
  await expect(nav).toBeHidden();
});
