import { expect, test, type Locator } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { extractText, getDocumentProxy } from "unpdf";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs } from "./helpers";

// The printable poster (/[locale]/plakat) as a reception centre prints it and a phone reads it.
// The e2e server's APP_URL is its own address (playwright.config.ts), the baseURL, so the codes
// must lead back to this server.

/** Reads the QR code off the element's pixels, as a phone camera would. */
async function decodeQr(locator: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await locator.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

test("the Ukrainian poster: both languages, two scannable codes, accessible", async ({ page, baseURL }) => {
  const listUrl = `${baseURL}/uk/angebote`;
  const formUrl = `${baseURL}/uk/angebot-einstellen`;
  await page.goto("/uk/plakat");
  await expect(page).toHaveTitle(/Плакат для розміщення/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveCount(1);
  await expect(heading).toContainText("Шукаєте житло?");
  await expect(heading).toContainText("Wohnung gesucht?");
  await expect(page.getByText("Hier finden Sie private Wohnangebote im Landkreis Musterland.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Wohnraum anbieten?");

  const seekers = page.getByRole("img", { name: `QR-код до пропозицій житла: ${listUrl}`, exact: true });
  const offerers = page.getByRole("img", { name: `QR-код до форми для пропозиції житла: ${formUrl}`, exact: true });
  await expect(seekers).toBeVisible();
  await expect(offerers).toBeVisible();
  await expect(page.getByText(listUrl, { exact: true })).toBeVisible();
  await expect(page.getByText(formUrl, { exact: true })).toBeVisible();
  expect(await decodeQr(seekers)).toBe(listUrl);
  expect(await decodeQr(offerers)).toBe(formUrl);

  await expect(page.getByRole("button", { name: "Drucken · Друкувати", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "العربية", exact: true }).last()).toHaveAttribute("href", "/ar/plakat");
  await expectNoAccessibilityViolations(page);
});

test("the Arabic poster is laid out right to left, with German beside Arabic", async ({ page }) => {
  await page.goto("/ar/plakat");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("تبحثون عن سكن؟");
  await expect(heading.locator('[lang="de"]')).toHaveText("Wohnung gesucht?");
  await expectNoAccessibilityViolations(page);
});

test("prints on one A4 portrait page, without the board's header, navigation and footer", async ({ page }) => {
  await page.goto("/de/plakat");
  // German once on the German poster.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wohnung gesucht?");
  const screenOnly = [
    page.getByRole("banner"),
    page.getByRole("navigation", { name: "Hauptnavigation", exact: true }),
    page.getByRole("navigation", { name: "Sprache", exact: true }),
    page.getByRole("contentinfo"),
    page.getByRole("button", { name: "Drucken", exact: true }),
  ];
  // Visible on screen first, so "hidden" below is not the trivial result of a wrong locator.
  for (const part of screenOnly) await expect(part).toBeVisible();

  await page.emulateMedia({ media: "print" });
  for (const part of screenOnly) await expect(part).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /^QR-Code zu den Wohnangeboten: / })).toBeVisible();

  // The page's own @page rule (portrait) must win over the landscape one of the print report.
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  const pageObjects = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pageObjects).toHaveLength(1);
  const document = await getDocumentProxy(new Uint8Array(pdf));
  expect(document.numPages).toBe(1);
  const [width, height] = (await document.getPage(1)).view.slice(2);
  expect(height!).toBeGreaterThan(width!);
  const { text } = await extractText(document, { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("Wohnung gesucht?");
  expect(flat).toContain("Wohnraum anbieten?");
  expect(flat).not.toContain("Anmeldung für Mitarbeitende");
  expect(flat).not.toContain("Für Mitarbeitende:");
});

test("staff find the poster in every language from the intranet's offer list", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/angebote");
  for (const [name, locale] of [
    ["Deutsch", "de"],
    ["English", "en"],
    ["Українська", "uk"],
    ["Русский", "ru"],
    ["العربية", "ar"],
  ] as const) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", `/${locale}/plakat`);
  }
  await page.getByRole("link", { name: "العربية", exact: true }).click();
  await expect(page).toHaveURL(/\/ar\/plakat$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});
