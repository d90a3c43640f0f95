import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs } from "./helpers";

// The press office's way: from /lage to /export, download the workbook and the CSV, copy the
// text, and print the report to PDF. Nothing on the way can change data.

test("/lage ends with the county's Gesamt row and leads to the export with its Stand", async ({ page }) => {
  await signInAs(page, ACCOUNTS.press);
  await page.goto("/lage");
  const totals = page.getByTestId("totals-row");
  await expect(totals.locator('[data-column="allocations"]')).toHaveAttribute("data-value", "1327");
  await expect(totals.locator('[data-column="quotaOutstanding"]')).toHaveAttribute("data-value", "716");
  await expect(totals.locator('[data-column="totalPlaces"]')).toHaveAttribute("data-value", "1123");
  await expect(totals.locator('[data-column="shortfall"]')).toHaveAttribute("data-value", "-407");
  const stand = await page.getByLabel("Stand", { exact: true }).inputValue();
  await page.getByRole("link", { name: "Exportieren" }).click();
  await expect(page).toHaveURL(new RegExp(`/export\\?stand=${stand}$`));
  await expect(page.getByTestId("press-summary")).toContainText(
    "1.123 Plätze für 716 noch aufzunehmende Personen bereit, rechnerisch 407 mehr als benötigt",
  );
  await expect(page.getByTestId("press-summary")).toContainText(
    "In 7 der 21 Kommunen fehlen zusammen 134 Plätze, am meisten in Kommune M (73).",
  );
  await expectNoAccessibilityViolations(page);
});

test("the press office downloads the workbook and a CSV from /export; both hold the Gesamt row", async ({ page }) => {
  await signInAs(page, ACCOUNTS.press);
  await page.goto("/export");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Herunterladen" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lage-landkreis-musterland-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Übersicht", "Auswertung", "Verlauf", "Hinweise"]);
  const sheet = workbook.getWorksheet("Auswertung")!;
  expect(sheet.getRow(23).getCell(1).value).toBe("Gesamt");
  expect(sheet.getRow(23).getCell(2).value).toBe(1327);
  expect(sheet.getRow(23).getCell(9).value).toBe(-407);

  const csv = await page.request.get("/api/export/lage.csv?table=auswertung");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.slice(1).split("\r\n")[0]).toBe(
    "Kommune;Zuweisungen;Zu erfüllen;Verfügbar GU;Verfügbar dezentral;In Aussicht GU;In Aussicht dezentral;Summe Plätze;Bedarf;fehlen/frei;Einschätzung;Meldedatum;Neue Zuweisungen je Woche (Durchschnitt);Reicht ca.;Reicht ca. mit Plätzen in Aussicht;Private Angebote (Börse);Personen in privaten Angeboten (Börse);Amtshilfe",
  );
  expect(text).toContain("Gesamt;1327;716;84;385;372;282;1123;-407;frei;;");

  const future = await page.request.get("/api/export/lage.xlsx?stand=2999-01-01");
  expect(future.status()).toBe(400);
  expect(((await future.json()) as { message: string }).message).toContain("Zukunft");
});

test("the print report shows the summary, the totals, every municipality and the chart, and prints to PDF", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/lage/druck");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Landkreis Musterland");
  await expectNoAccessibilityViolations(page);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("rechnerisch 407 mehr als benötigt");
  for (const letter of "ABCDEFGHIJKLMNOPQRSTU") expect(flat, `Kommune ${letter}`).toContain(`Kommune ${letter}`);
  expect(flat).toContain("Gesamt");
});

test("the press role can read and export, and cannot change anything", async ({ page }) => {
  await signInAs(page, ACCOUNTS.press);
  for (const path of ["/einstellungen", "/angebote", "/verwaltung/benutzer", "/kommunen/kommune-a/meldung"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" }), path).toBeVisible();
  }
  const write = await page.request.post("/api/kommunen/kommune-a/meldungen", {
    data: { reportingDate: "2026-01-01" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(write.status()).toBe(403);
});
