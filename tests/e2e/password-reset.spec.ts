import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expectNoAccessibilityViolations, formAlert, signInAs, withDatabase } from "./helpers";

// A dedicated clerk of Kommune C, so the demo accounts keep their password. Created directly in
// the database with a copy of the demo admin's password hash (the demo password).
const USER = "reset-test@wohnraum.example";
const UNKNOWN = "niemand-reset@wohnraum.example";
const NEW_PASSWORD = "Zelt Fluss Tabelle Uhr";
const CHANGED_PASSWORD = "Berg Kanne Wolke Stift";
const ANSWER = /^Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link/;

test.beforeAll(async () => {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, county_id, municipality_id, updated_at)
       SELECT 'e2e-reset-test', $1, 'Resi Reset', admin.password_hash, 'CLERK'::"Role", m.county_id, m.id, now()
         FROM app_user admin JOIN municipality m ON m.county_id = admin.county_id AND m.slug = 'kommune-c'
        WHERE admin.email = $2
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true, must_change_password = false`,
      [USER, ACCOUNTS.admin],
    ),
  );
});

async function resetMails(address: string) {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ subject: string; text: string; county_id: string | null }>(
      `SELECT subject, text, county_id FROM caught_mail
        WHERE $1 = ANY(envelope_to) AND subject LIKE 'Passwort zurücksetzen%' ORDER BY received_at DESC`,
      [address],
    );
    return rows;
  });
}

async function requestReset(page: Page, email: string): Promise<string> {
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Link anfordern" }).click();
  const answer = page.getByRole("status").filter({ hasText: ANSWER });
  await expect(answer).toBeVisible();
  return (await answer.textContent())!;
}

test("a forgotten password is reset by a mailed link that works once and ends the older sessions", async ({ page, browser }) => {
  // An older session of the user in another browser.
  const older = await (await browser.newContext()).newPage();
  await signInAs(older, USER);

  await page.goto("/anmelden");
  await page.getByRole("link", { name: "Passwort vergessen?" }).click();
  await expect(page).toHaveURL(/\/passwort-vergessen$/);
  await expectNoAccessibilityViolations(page);

  // The same answer whether or not the address has an account.
  const forUnknown = await requestReset(page, UNKNOWN);
  await page.goto("/passwort-vergessen");
  const forKnown = await requestReset(page, USER);
  expect(forKnown).toBe(forUnknown);
  await expectNoAccessibilityViolations(page);

  let mail: Awaited<ReturnType<typeof resetMails>>[number] | undefined;
  await expect(async () => {
    [mail] = await resetMails(USER);
    expect(mail).toBeDefined();
  }).toPass({ timeout: 20_000 });
  expect(await resetMails(UNKNOWN)).toHaveLength(0);
  // Tied to the user's county: its Postausgang shows it.
  const countyId = await withDatabase(
    async (client) =>
      (await client.query<{ county_id: string }>("SELECT county_id FROM app_user WHERE email = $1", [USER])).rows[0]!.county_id,
  );
  expect(mail!.county_id).toBe(countyId);
  const link = /https?:\/\/\S+\/passwort-zuruecksetzen\/[\w-]{43}/.exec(mail!.text)![0];

  // Opening the link (as a mail scanner would) changes nothing.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Neues Passwort festlegen" })).toBeVisible();
  const openLinks = await withDatabase(
    async (client) =>
      (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM user_token t JOIN app_user u ON u.id = t.user_id
            WHERE u.email = $1 AND t.purpose = 'PASSWORD_RESET' AND t.used_at IS NULL`,
          [USER],
        )
      ).rows[0]!.n,
  );
  expect(openLinks).toBe(1);
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Neues Passwort", { exact: true }).fill("kurz");
  await page.getByLabel("Neues Passwort wiederholen").fill("kurz");
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(page.getByText("Das Passwort muss mindestens 10 Zeichen haben.")).toBeVisible();
  await page.getByLabel("Neues Passwort", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Neues Passwort wiederholen").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(page).toHaveURL(/\/anmelden\?passwort=geaendert/);
  await expect(page.getByText("Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.")).toBeVisible();
  await signInAs(page, USER, NEW_PASSWORD);

  // The link works only once.
  await page.goto(link);
  await expect(formAlert(page)).toContainText("ungültig, abgelaufen oder wurde bereits verwendet");
  await expect(page.getByRole("button", { name: "Passwort speichern" })).toHaveCount(0);

  // The older session has ended.
  await older.goto("/uebersicht");
  await expect(older).toHaveURL(/\/anmelden/);
  await older.context().close();
});

test("every signed-in user reaches 'Passwort ändern' from the header and can change the password", async ({ page }) => {
  // Starts from the demo password, whatever the first test left behind.
  await withDatabase((client) =>
    client.query(
      `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = $2), must_change_password = false
        WHERE email = $1`,
      [USER, ACCOUNTS.admin],
    ),
  );
  await signInAs(page, USER, DEMO_PASSWORD);
  await page.getByRole("banner").getByRole("link", { name: "Passwort ändern" }).click();
  await expect(page).toHaveURL(/\/konto\/passwort$/);
  // Not forced: no one-time-password notice, and the navigation stays.
  await expect(page.getByText("Sie haben sich mit einem Einmalpasswort angemeldet.")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Lage" })).toBeVisible();
  await page.getByLabel("Bisheriges Passwort").fill(DEMO_PASSWORD);
  await page.getByLabel("Neues Passwort", { exact: true }).fill(CHANGED_PASSWORD);
  await page.getByLabel("Neues Passwort wiederholen").fill(CHANGED_PASSWORD);
  await page.getByRole("button", { name: "Passwort ändern" }).click();
  await expect(page).toHaveURL(/\/anmelden\?passwort=geaendert/);
  await signInAs(page, USER, CHANGED_PASSWORD);
});
