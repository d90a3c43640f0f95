import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, formAlert, signIn, signInAs, submitSignIn } from "./helpers";

test("anonymous visitors are sent to the sign-in page and back to where they wanted to go", async ({ page }) => {
  await page.goto("/verwaltung/benutzer");
  await expect(page).toHaveURL(/\/anmelden\?weiter=%2Fverwaltung%2Fbenutzer/);
  await expectNoAccessibilityViolations(page);
  await submitSignIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/verwaltung\/benutzer$/);
});

test("the health check reports app and database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
});

const navigation = {
  admin: ["Übersicht", "Lage", "Export", "Wohnraumbörse", "Einstellungen", "Benutzer", "Postausgang", "Sicherungen"],
  coordinator: ["Übersicht", "Lage", "Amtshilfe", "Export", "Wohnraumbörse", "Einstellungen"],
  press: ["Übersicht", "Lage", "Amtshilfe", "Export"],
  clerkA: ["Übersicht", "Lage", "Amtshilfe", "Wohnraumbörse"],
} as const;

for (const [role, items] of Object.entries(navigation) as [keyof typeof navigation, readonly string[]][]) {
  test(`${role} signs in and sees only what the role may`, async ({ page }) => {
    await signInAs(page, ACCOUNTS[role]);
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link")).toHaveText([...items]);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Übersicht: Kommunen im Landkreis Musterland");
    await expect(page.getByRole("row")).toHaveCount(22);

    for (const path of ["/verwaltung/benutzer", "/verwaltung/nachbarn", "/verwaltung/postausgang", "/verwaltung/sicherungen"]) {
      await page.goto(path);
      if (role === "admin") await expect(page).toHaveURL(path);
      else await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
    }
  });
}

test("a clerk sees its own municipality marked in the county's overview", async ({ page }) => {
  await signInAs(page, ACCOUNTS.clerkA);
  await expect(page.getByRole("rowheader", { name: /Kommune A/ })).toContainText("Ihre Kommune");
  await expect(page.getByText("18 von 21 Kommunen haben innerhalb der letzten 7 Tage gemeldet.")).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test("unknown e-mail and wrong password get the same answer", async ({ page }) => {
  await signIn(page, ACCOUNTS.press, "falsches-passwort");
  await expect(formAlert(page)).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
  const wrongPassword = await page.locator("main").innerHTML();
  await signIn(page, "gibt-es-nicht@wohnraum.example", "falsches-passwort");
  await expect(formAlert(page)).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
  const unknownEmail = await page.locator("main").innerHTML();
  // Nothing else on the page differs but the e-mail typed.
  expect(unknownEmail.replace("gibt-es-nicht@wohnraum.example", ACCOUNTS.press)).toBe(wrongPassword);
  // The typed e-mail is kept, the password is not.
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("gibt-es-nicht@wohnraum.example");
  await expect(page.getByLabel("Passwort")).toHaveValue("");
});

test("empty fields are reported at the field", async ({ page }) => {
  await page.goto("/anmelden");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Bitte geben Sie Ihre E-Mail-Adresse ein.")).toBeVisible();
  await expect(page.getByText("Bitte geben Sie Ihr Passwort ein.")).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, ACCOUNTS.press);
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/anmelden/);
  await page.goto("/uebersicht");
  await expect(page).toHaveURL(/\/anmelden/);
});
