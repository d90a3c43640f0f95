import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs, withDatabase } from "./helpers";

// The embeddable offer form (issue 11): framed only by the origins configured for the county;
// every other page keeps frame-ancestors 'none'. The "other sites" are served by Playwright.

const ALLOWED = "http://erlaubt.example";
const REFUSED = "http://fremd.example";
const setOrigins = (origins: string[]) =>
  withDatabase((client) => client.query("UPDATE county SET embed_origins = $1 WHERE slug = 'musterland'", [origins]));

async function hostPage(page: Page, origin: string, src: string) {
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Landkreis</title><h1>Seite des Landkreises</h1><iframe src="${src}" width="900" height="1200"></iframe>`,
    }),
  );
  await page.goto(`${origin}/wohnen`);
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
  await setOrigins([ALLOWED]);
  const src = `${baseURL}/embed/angebot-einstellen?lang=uk`;
  await hostPage(page, ALLOWED, src);
  const allowed = page.frameLocator("iframe");
  await expect(allowed.getByRole("heading", { level: 1 })).toHaveText(/\S/);
  await expect(allowed.getByRole("button").last()).toBeVisible();
  // Without the board's chrome: no navigation, no language switch.
  await expect(allowed.getByRole("navigation")).toHaveCount(0);

  await hostPage(page, REFUSED, src);
  // The browser blocks the frame: our page never renders inside it.
  await page.waitForTimeout(1500);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed).toBeDefined();
  expect(await framed!.locator("h1").count()).toBe(0);
  // A board page other than the embed one is refused even on the allowed origin.
  await hostPage(page, ALLOWED, `${baseURL}/uk/angebot-einstellen`);
  await page.waitForTimeout(1500);
  expect(
    await page
      .frames()
      .find((frame) => frame !== page.mainFrame())!
      .locator("h1")
      .count(),
  ).toBe(0);
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
