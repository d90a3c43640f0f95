import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, saveScreenshot, signInAs } from "./helpers";

// The clerk's weekly report in seconds: one click when nothing changed, no warning asked twice,
// numbers as people type them, and errors that say where they are.

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.getAttribute("data-testid"));

test("'Unverändert melden' records today's report with one click and the history says so", async ({ page }) => {
  // Kommune C's last demo report is two days old and raises no warning.
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/kommunen/kommune-c");
  await expect(page.getByTestId("municipality-shortfall")).toHaveText("22 Plätze fehlen");
  await expect(page.getByTestId("history-table").locator("tbody tr").first()).not.toContainText("unverändert bestätigt");
  await page.getByRole("button", { name: "Unverändert melden" }).click();
  await expect(page.getByText("Die Zahlen sind für heute unverändert gemeldet.")).toBeVisible();
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date()),
  );
  await expect(page.getByTestId("report-due")).toContainText(`Letzte Meldung vom ${today}. Aktuell.`);
  await expect(page.getByTestId("history-table").locator("tbody tr").first()).toContainText("unverändert bestätigt");
  await expect(page.getByTestId("history-table").locator("tbody tr").first()).toContainText(today);
  // Once a day is enough: the button is gone until tomorrow.
  await expect(page.getByRole("button", { name: "Unverändert melden" })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
});

test("the clerk's overview: the own municipality's Bedarf in words, whether a report is due, and the buttons", async ({ page }) => {
  // Other tests report for Kommune A; whatever its state, the card answers "what do I have to do?".
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, ACCOUNTS.clerkA);
  const status = page.getByRole("region", { name: /Ihre Kommune/ });
  await expect(status.getByTestId("municipality-shortfall")).toHaveText(
    /^([\d.]+ Pl(ätze fehlen|atz fehlt|ätze frei|atz frei)|ausgeglichen)$/,
  );
  await expect(status.getByTestId("report-due")).toHaveText(
    /Letzte Meldung vom \d\d\.\d\d\.\d{4}\. (Aktuell\. Nächste Meldung bis|Die nächste Meldung ist heute fällig|Überfällig seit)/,
  );
  await expect(status.getByRole("link", { name: "Meldung abgeben" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Kommune A/ })).toContainText("Ihre Kommune");
  await saveScreenshot(page, "uebersicht-sachbearbeitung-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(status.getByRole("link", { name: "Meldung abgeben" })).toBeInViewport();
  await saveScreenshot(page, "uebersicht-sachbearbeitung-390");
  // A clerk's form for another municipality does not open.
  await page.goto("/kommunen/kommune-s/meldung");
  await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
});

test("a warning confirmed once is not asked again for the same values, and 'Unverändert melden' waits for it", async ({ page }) => {
  // Kommune S rates "ausreichend" although 6 places are missing: a warning nobody confirmed yet.
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/kommunen/kommune-s");
  await expect(page.getByTestId("contradiction")).toContainText("Einschätzung „ausreichend“, obwohl nach den Zahlen 6 Plätze fehlen");
  await expect(page.getByTestId("unchanged-blocked")).toBeVisible();
  await expect(page.getByRole("button", { name: "Unverändert melden" })).toHaveCount(0);

  await page.getByRole("link", { name: "Meldung abgeben" }).click();
  const checkbox = page.getByRole("checkbox", { name: /Einschätzung „ausreichend“/ });
  await expect(checkbox).toBeVisible();
  await saveScreenshot(page, "meldung-1440");
  // Saving without ticking: the summary names the problem and focus goes to the checkbox.
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Bitte bestätigen Sie jeden Hinweis zur Plausibilität.");
  await expect(checkbox).toBeFocused();
  await checkbox.check();
  await page.getByLabel("Begründung (Pflicht bei Hinweisen)").fill("Zusagen für sechs Plätze liegen vor.");
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page.getByText("Die Meldung ist gespeichert.")).toBeVisible();

  // The next report with the same values does not raise it again ...
  await page.goto("/kommunen/kommune-s/meldung");
  await expect(page.getByRole("heading", { name: "Meldung für Kommune S" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Hinweise zur Plausibilität" })).toHaveCount(0);
  // ... until a value it depends on changes.
  await page
    .getByLabel("Zu erfüllen (negativ, wenn übererfüllt)")
    .fill(String(Number(await page.getByLabel("Zu erfüllen (negativ, wenn übererfüllt)").inputValue()) + 1));
  await expect(page.getByRole("checkbox", { name: /Einschätzung „ausreichend“, aber nach den Zahlen fehlen 7 Plätze/ })).toBeVisible();
});

test("numbers as people type them, and the GOV.UK error summary with focus and field marks", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/kommunen/kommune-u/meldung");
  await page.getByLabel("Vom Land ausgesprochene Zuweisungen").fill("viele");
  await page.getByLabel("davon Ankünfte vor Ort").fill("1,5");
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([/Zuweisungen: bitte eine ganze Zahl/, /Ankünfte vor Ort: bitte eine ganze Zahl/]);
  const allocations = page.getByLabel("Vom Land ausgesprochene Zuweisungen");
  await expect(allocations).toHaveAttribute("aria-invalid", "true");
  // A thicker border in the error colour, unlike a valid field's.
  await expect(allocations).toHaveCSS("border-top-width", "2px");
  const borderColor = (label: string) => page.getByLabel(label).evaluate((element) => getComputedStyle(element).borderTopColor);
  expect(await borderColor("Vom Land ausgesprochene Zuweisungen")).toBe(
    await page.getByTestId("error-summary").evaluate((element) => getComputedStyle(element).borderTopColor),
  );
  expect(await borderColor("Keine Quotenanrechnung")).not.toBe(await borderColor("Vom Land ausgesprochene Zuweisungen"));
  await saveScreenshot(page, "meldung-fehler-390");
  await summary.getByRole("link", { name: /Ankünfte vor Ort/ }).click();
  await expect(page.getByLabel("davon Ankünfte vor Ort")).toBeFocused();
  await expect(page.getByLabel("davon Ankünfte vor Ort")).toHaveValue("1,5");

  // "1.200" with a German thousands separator and spaces is a whole number.
  await allocations.fill(" 1.200 ");
  await page.getByLabel("davon Ankünfte vor Ort").fill("1.200");
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  // The jump from the previous figures is a warning to confirm, with focus on its first box.
  const boxes = page.getByRole("group", { name: "Hinweise zur Plausibilität" }).getByRole("checkbox");
  await expect(boxes.first()).toBeFocused();
  expect(await activeId(page)).toMatch(/^warning-/);
  // Every box the same size, however long its message.
  const sizes = await boxes.evaluateAll((elements) =>
    elements.map((element) => `${element.getBoundingClientRect().width}×${element.getBoundingClientRect().height}`),
  );
  expect(sizes.length).toBeGreaterThan(1);
  expect(new Set(sizes).size).toBe(1);
  for (const box of await boxes.all()) await box.check();
  await page.getByLabel("Begründung (Pflicht bei Hinweisen)").fill("Nachmeldung des Landes.");
  await page.getByRole("button", { name: "Meldung speichern" }).click();
  await expect(page.getByText("Die Meldung ist gespeichert.")).toBeVisible();
  await expect(page.locator('[data-figure="allocations"]')).toHaveText("1.200");
});

test("the task force's overview: reporting rate, who is overdue and by how long, the headline shortfall", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, ACCOUNTS.coordinator);
  await expect(page.getByTestId("overview-reporting-rate")).toHaveText(
    /^\d+ von 21 Kommunen haben innerhalb der letzten 7 Tage gemeldet\.$/,
  );
  await expect(page.getByTestId("overview-gross-shortfall")).toHaveText(/^[\d.]+ Pl(ätze fehlen|atz fehlt)$/);
  // The demo dates three municipalities' latest reports beyond the interval, the oldest first.
  const overdue = page.getByTestId("overdue-list").getByRole("listitem");
  await expect(overdue.first()).toContainText(/Kommune Q: seit 5 Tagen überfällig/);
  await expect(overdue).toContainText([/Kommune Q/, /Kommune F/, /Kommune T/]);
  await overdue.first().getByRole("link", { name: "Kommune Q" }).click();
  await expect(page.getByTestId("report-due")).toContainText("Überfällig seit 5 Tagen");
  await page.goto("/uebersicht");
  await saveScreenshot(page, "uebersicht-koordinierungsstab-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("overview-gross-shortfall")).toBeInViewport();
  await saveScreenshot(page, "uebersicht-koordinierungsstab-390");
});

test("a long history is paged, newest first", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/kommunen/kommune-m");
  await expect(page.getByRole("heading", { name: /^Alle Meldungen \(13\)$/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Seiten der Meldungen" })).toHaveCount(0);
  await page.goto("/kommunen/kommune-m?seite=999");
  await expect(page.getByTestId("history-table").locator("tbody tr")).toHaveCount(13);
});
