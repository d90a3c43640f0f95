import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, formAlert, signIn, signInAs } from "./helpers";

async function createAccount(page: Page, fields: { name: string; email: string; role: string; municipality?: string; onboarding: string }) {
  await page.goto("/verwaltung/benutzer");
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("E-Mail-Adresse").fill(fields.email);
  await page.getByLabel("Rolle").selectOption({ label: fields.role });
  if (fields.municipality) await page.getByLabel("Kommune", { exact: true }).selectOption({ label: fields.municipality });
  await page.getByLabel("Zugang übergeben per").selectOption({ label: fields.onboarding });
  await page.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(page.getByText(`Das Konto für ${fields.email} wurde angelegt.`)).toBeVisible();
}

test("an invited user gets the mail, sets a password and signs in", async ({ page, browser }) => {
  await signInAs(page, ACCOUNTS.admin);
  await createAccount(page, {
    name: "Ines Einladung",
    email: "ines@kommune-d.example",
    role: "Sachbearbeitung Kommune",
    municipality: "Kommune D",
    onboarding: "Einladungslink per E-Mail",
  });
  await expectNoAccessibilityViolations(page);

  // The mail went through the job queue to the local SMTP server.
  await page.goto("/verwaltung/postausgang");
  const mail = page.getByRole("listitem").filter({ hasText: "Ihr Zugang zu Wohnraum" }).filter({ hasText: "ines@kommune-d.example" });
  await expect(async () => {
    await page.reload();
    await expect(mail).toHaveCount(1);
  }).toPass({ timeout: 20_000 });
  await mail.locator("summary").click();
  const link = await mail.getByRole("link").first().getAttribute("href");
  expect(link).toMatch(/\/einladung\/[\w-]+$/);
  await expectNoAccessibilityViolations(page);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link!);
  await invitee.getByLabel("Neues Passwort").fill("kurz");
  await invitee.getByLabel("Passwort wiederholen").fill("kurz");
  await invitee.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(invitee.getByText("Das Passwort muss mindestens 10 Zeichen haben.")).toBeVisible();
  await invitee.getByLabel("Neues Passwort").fill("ines-sicheres-passwort");
  await invitee.getByLabel("Passwort wiederholen").fill("ines-sicheres-passwort");
  await invitee.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(invitee.getByText("Ihr Passwort ist gespeichert.")).toBeVisible();
  await signInAs(invitee, "ines@kommune-d.example", "ines-sicheres-passwort");
  await expect(invitee.getByRole("rowheader", { name: /Kommune D/ })).toContainText("Ihre Kommune");

  // The link works only once.
  await invitee.goto(link!);
  await expect(invitee.getByText("Dieser Einladungslink ist ungültig oder abgelaufen.")).toBeVisible();
});

test("a one-time password must be replaced before anything else", async ({ page, browser }) => {
  await signInAs(page, ACCOUNTS.admin);
  await createAccount(page, { name: "Otto Einmal", email: "otto@presse.example", role: "Pressestelle", onboarding: "Einmalpasswort" });
  const oneTimePassword = (await page.getByTestId("one-time-password").textContent())!;

  const otto = await (await browser.newContext()).newPage();
  await signIn(otto, "otto@presse.example", oneTimePassword);
  await expect(otto).toHaveURL(/\/konto\/passwort/);
  await otto.goto("/uebersicht");
  await expect(otto).toHaveURL(/\/konto\/passwort/);
  await otto.getByLabel("Bisheriges Passwort").fill(oneTimePassword);
  await otto.getByLabel("Neues Passwort", { exact: true }).fill("ottos-eigenes-passwort");
  await otto.getByLabel("Neues Passwort wiederholen").fill("ottos-eigenes-passwort");
  await otto.getByRole("button", { name: "Passwort ändern" }).click();
  // A new password ends every session, this one too.
  await expect(otto).toHaveURL(/\/anmelden\?passwort=geaendert/);
  await expect(otto.getByText("Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.")).toBeVisible();
  await signInAs(otto, "otto@presse.example", "ottos-eigenes-passwort");
});

test("a reset or a deactivation ends the user's open session at the next request", async ({ page, browser }) => {
  await signInAs(page, ACCOUNTS.admin);
  await createAccount(page, {
    name: "Dora Deaktiviert",
    email: "dora@kreis.example",
    role: "Koordinierungsstab",
    onboarding: "Einmalpasswort",
  });
  const firstPassword = (await page.getByTestId("one-time-password").textContent())!;
  const dora = await (await browser.newContext()).newPage();
  await signIn(dora, "dora@kreis.example", firstPassword);
  await expect(dora).toHaveURL(/\/konto\/passwort/);

  // The admin sets a new one-time password (say, the old one leaked): the open session ends.
  await page.goto("/verwaltung/benutzer");
  await page.getByRole("button", { name: "Einmalpasswort für Dora Deaktiviert setzen" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())!;
  await dora.goto("/konto/passwort");
  await expect(dora).toHaveURL(/\/anmelden/);
  await signIn(dora, "dora@kreis.example", password);
  await expect(dora).toHaveURL(/\/konto\/passwort/);

  await page.goto("/verwaltung/benutzer");
  await page.getByRole("button", { name: "Dora Deaktiviert deaktivieren" }).click();
  await expect(page.getByRole("row", { name: /Dora Deaktiviert/ })).toContainText("deaktiviert");

  await dora.goto("/uebersicht");
  await expect(dora).toHaveURL(/\/anmelden/);
  await signIn(dora, "dora@kreis.example", password);
  await expect(formAlert(dora)).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
});

test("repeated failed sign-ins are throttled, even with the right password afterwards", async ({ page }) => {
  await signInAs(page, ACCOUNTS.admin);
  await createAccount(page, { name: "Tom Throttle", email: "tom@kreis.example", role: "Pressestelle", onboarding: "Einmalpasswort" });
  const password = (await page.getByTestId("one-time-password").textContent())!;
  const guest = await (await page.context().browser()!.newContext()).newPage();
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(guest, "tom@kreis.example", `falsch-${attempt}`);
    await expect(formAlert(guest)).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
  }
  await signIn(guest, "tom@kreis.example", password);
  await expect(formAlert(guest)).toContainText("Zu viele fehlgeschlagene Anmeldeversuche");
  await expect(guest).toHaveURL(/\/anmelden/);
});
