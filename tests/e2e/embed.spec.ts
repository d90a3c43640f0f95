import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs, withDatabase } from "./helpers";

// The embeddable offer form (issue 11): framed only by the origins configured for the county;
// every other page keeps frame-ancestors 'none'. The "other sites" are served by Playwright.

const ALLOWED = "http://erlaubt.example";
const setOrigins = (origins: string[]) =>
  withDatabase((client) => client.query("UPDATE county SET embed_origins = $1 WHERE slug = 'musterland'", [origins]));

/**
 * Another site on this machine that frames `src`: a real server on 127.0.0.1 (Chromium refuses a
 * public page framing a local one outright, so the county's site must be local in the test too).
 */
async function siteFraming(src: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><title>Landkreis</title><h1>Seite des Landkreises</h1><iframe src="${src}" width="900" height="1200"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function framedHeadings(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/wohnen`);
  await page.waitForLoadState("load");
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  return frame ? frame.locator("h1").count() : 0;
}

test.afterEach(() => setOrigins([]));

test("headers: the embed page names the configured origins, every other page none", async ({ request }) => {
  const csp = async (path: string) => (await request.get(path)).headers()["content-security-policy"] ?? "";
  expect(await csp("/embed/angebot-einstellen")).toContain("frame-ancestors 'none'");
  await setOrigins([ALLOWED, "https://www.landkreis.example"]);
  const embed = await request.get("/embed/angebot-einstellen?lang=ar");
  expect(embed.headers()["content-security-policy"]).toContain(`frame-ancestors ${ALLOWED} https://www.landkreis.example`);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(await embed.text()).toMatch(/<html lang="ar" dir="rtl"/);
  for (const path of ["/", "/de", "/de/angebot-einstellen", "/anmelden"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("Chromium shows the form framed by an allowed origin and refuses it elsewhere", async ({ page, baseURL }) => {
  const embed = `${baseURL}/embed/angebot-einstellen?lang=uk`;
  const [allowed, refused, boardPage] = await Promise.all([
    siteFraming(embed),
    siteFraming(embed),
    siteFraming(`${baseURL}/uk/angebot-einstellen`),
  ]);
  try {
    await setOrigins([allowed.origin, boardPage.origin]);
    await page.goto(`${allowed.origin}/wohnen`);
    const form = page.frameLocator("iframe");
    await expect(form.getByRole("heading", { level: 1 })).toHaveText(/\S/);
    await expect(form.locator("html")).toHaveAttribute("lang", "uk");
    // Without the board's chrome: no navigation, no language switch.
    await expect(form.getByRole("navigation")).toHaveCount(0);
    await expect(form.getByRole("button").last()).toBeVisible();

    // The browser blocks the frame elsewhere: our page never renders inside it.
    expect(await framedHeadings(page, refused.origin)).toBe(0);
    // A board page other than the embeddable one is refused even on an allowed site.
    expect(await framedHeadings(page, boardPage.origin)).toBe(0);
  } finally {
    await Promise.all([allowed.close(), refused.close(), boardPage.close()]);
  }
});

test("admins set the origins on the settings page and get the snippet; a bad address is named", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await page.goto("/einstellungen");
  const field = page.getByLabel("Websites, die das Formular einbetten dürfen");
  await field.fill("https://www.landkreis.example/\nwww.ohne-protokoll.example");
  await page.getByRole("region", { name: "Angebotsformular einbetten" }).getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("„www.ohne-protokoll.example“ ist keine Adresse")).toBeVisible();
  await field.fill("https://www.landkreis.example/");
  await page.getByRole("region", { name: "Angebotsformular einbetten" }).getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Das Formular darf jetzt eingebettet werden von: https://www.landkreis.example.")).toBeVisible();
  await expect(page.getByTestId("embed-snippet")).toContainText("/embed/angebot-einstellen?lang=de");
  await expectNoAccessibilityViolations(page);
  const stored = await withDatabase(
    async (client) => (await client.query<{ o: string[] }>("SELECT embed_origins AS o FROM county WHERE slug = 'musterland'")).rows[0]!.o,
  );
  expect(stored).toEqual(["https://www.landkreis.example"]);
});
