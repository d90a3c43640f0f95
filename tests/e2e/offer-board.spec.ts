import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import fc from "fast-check";
import { hashOfferToken, newOfferToken } from "../../lib/offers/tokens";
import { ACCOUNTS, expectNoAccessibilityViolations, formAlert, signInAs, withDatabase } from "./helpers";

// The public board end to end, as citizens and seekers use it, with mails caught by the app's
// own SMTP server on loopback and read back from the admins' Postausgang.

const OFFERER = "e2e-anbieterin@example.org";
const SEEKER = "e2e-suchender@example.net";
const MAILBOX = "wohnraum@kommune-b.musterland.example";

/** Mails the catcher stored for an address, newest first. */
async function mailsTo(address: string) {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{
      subject: string;
      text: string;
      envelope_to: string[];
      county_id: string | null;
      header_to: string;
    }>("SELECT subject, text, envelope_to, county_id, header_to FROM caught_mail WHERE $1 = ANY(envelope_to) ORDER BY received_at DESC", [
      address,
    ]);
    return rows;
  });
}

async function waitForMail(address: string, subject: RegExp) {
  let found: Awaited<ReturnType<typeof mailsTo>>[number] | undefined;
  await expect(async () => {
    found = (await mailsTo(address)).find((mail) => subject.test(mail.subject));
    expect(found).toBeDefined();
  }).toPass({ timeout: 20_000 });
  return found!;
}

interface OfferRow {
  id: string;
  status: string;
  expires_at: Date;
}

const manageLinkOf = (text: string) => /https?:\/\/\S+\/verwalten\/[A-Za-z0-9_-]{43}/.exec(text)![0];

async function fillOffer(page: Page, email: string) {
  await page.getByLabel("Gemeinde").selectOption({ label: "Kommune B" });
  await page.getByLabel("Postleitzahl").fill("91555");
  await page.getByLabel("Art des Wohnraums").selectOption({ label: "Wohnung" });
  await page.getByLabel("Für wie viele Personen").fill("3");
  await page.getByLabel("Zimmer", { exact: true }).fill("2");
  await page.getByLabel("Beschreibung").fill("E2E-Wohnung: ruhig, Bus vor der Tür.");
  await page.getByLabel("Warmmiete pro Monat in Euro").fill("540");
  await page.getByLabel("Barrierefrei").check();
  await page.getByLabel("Ukrainisch").check();
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Telefon (freiwillig)").fill("0171 7654321");
  await page.getByLabel("Anzeigedauer").selectOption({ label: "7 Tage" });
}

async function textOfEveryResponse(request: APIRequestContext, paths: string[]) {
  const bodies = await Promise.all(paths.map(async (path) => (await request.get(path)).text()));
  return bodies.join("\n");
}

test("an offer goes from the form through confirmation, contact, extension and placement, and the municipality gets every copy", async ({
  page,
  browser,
  request,
}) => {
  // 1. Submit an offer, with an error first: the message is at the field and the input is kept.
  await page.goto("/de/angebot-einstellen");
  await expectNoAccessibilityViolations(page);
  await fillOffer(page, OFFERER);
  await page.getByLabel("Postleitzahl").fill("915");
  await page.getByRole("button", { name: "Angebot absenden" }).click();
  await expect(formAlert(page)).toContainText("Bitte prüfen Sie die markierten Angaben.");
  await expect(page.getByText("Bitte eine fünfstellige Postleitzahl eingeben.")).toBeVisible();
  await expect(page.getByText("Bitte stimmen Sie dem Datenschutzhinweis zu.")).toBeVisible();
  await expect(page.getByLabel("Beschreibung")).toHaveValue("E2E-Wohnung: ruhig, Bus vor der Tür.");
  await expectNoAccessibilityViolations(page);
  expect(
    await withDatabase(async (client) => (await client.query("SELECT 1 FROM housing_offer WHERE contact_email = $1", [OFFERER])).rowCount),
  ).toBe(0);
  await page.getByLabel("Postleitzahl").fill("91555");
  await page.getByLabel(/Datenschutzhinweis/).check();
  await page.getByRole("button", { name: "Angebot absenden" }).click();
  await expect(page.getByText("Fast geschafft: Bitte bestätigen Sie Ihr Angebot")).toBeVisible();

  // 2. The mail arrives (a copy to the municipality's mailbox); a scanner's GET changes nothing.
  const confirmation = await waitForMail(OFFERER, /Bitte bestätigen/);
  const link = manageLinkOf(confirmation.text);
  // The municipality's copy: the same mail, without the link and the offerer's address.
  const copy = await waitForMail(MAILBOX, /^Kopie: Bitte bestätigen/);
  expect(copy.text).toContain("Wohnung, für 3 Personen, Kommune B");
  expect(copy.text).not.toContain(link);
  expect(copy.text).not.toContain(OFFERER);
  const scanned = await request.get(link);
  expect(scanned.status()).toBe(200);
  // The token in the address is never passed on as a Referer.
  expect(scanned.headers()["referrer-policy"]).toBe("no-referrer");
  const state = () =>
    withDatabase(
      async (client) =>
        (await client.query<OfferRow>("SELECT id, status, expires_at FROM housing_offer WHERE contact_email = $1", [OFFERER])).rows[0]!,
    );
  expect((await state()).status).toBe("PENDING");

  // The newcomer's way: the admins' Postausgang shows the mail to a citizen's address.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, ACCOUNTS.admin);
  await admin.goto("/verwaltung/postausgang");
  await expect(admin.getByRole("listitem").filter({ hasText: "Bitte bestätigen: Ihr Wohnraumangebot in Kommune B" }).first()).toBeVisible();

  await page.goto(link);
  await expect(page.getByText("Noch nicht bestätigt: nicht veröffentlicht")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Jetzt bestätigen und veröffentlichen" }).click();
  await expect(page.getByText("Danke! Ihr Angebot ist veröffentlicht.")).toBeVisible();
  const offer = await state();
  expect(offer.status).toBe("PUBLISHED");

  // 3. Listed, in German and in Ukrainian, with structured fields translated.
  await page.goto("/de/angebote?gemeinde=kommune-b&barrierefrei=1");
  await expect(page.getByRole("link", { name: "Wohnung, für 3 Personen" })).toBeVisible();
  await page.getByRole("link", { name: "Українська" }).click();
  await expect(page).toHaveURL(/\/uk\/angebote\?gemeinde=kommune-b&barrierefrei=1$/);
  await page.getByRole("link", { name: /Квартира/ }).click();
  await expect(page).toHaveURL(/\/uk\/angebote\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Квартира/);
  const facts = page.getByRole("region", { name: "Відомості" });
  await expect(facts.getByText(/540\sEUR/)).toBeVisible(); // Ukrainian conventions write the currency code
  await expect(facts.locator("dt", { hasText: "Безбар’єрне" })).toBeVisible();

  // 4. A seeker writes, in Ukrainian.
  await page.getByLabel("Ваше ім’я").fill("Olena");
  await page.getByLabel("Ваша адреса електронної пошти").fill(SEEKER);
  await page.getByLabel("Повідомлення").fill("Доброго дня! Чи можна подивитися квартиру?");
  await page.getByRole("button", { name: /Надіслати/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /\S/ })).toBeVisible();

  // 5. The offerer gets it with the seeker as Reply-To; nothing public shows the offerer's address or phone.
  const relayed = await waitForMail(OFFERER, /Anfrage zu Ihrem Wohnraumangebot/);
  expect(relayed.text).toContain("Чи можна подивитися квартиру?");
  expect(relayed.text).toContain(SEEKER);
  const publicText = await textOfEveryResponse(request, [
    "/de/angebote",
    "/uk/angebote",
    `/de/angebote/${offer.id}`,
    `/ar/angebote/${offer.id}`,
    "/de",
  ]);
  expect(publicText).toContain("E2E-Wohnung");
  expect(publicText).not.toContain(OFFERER);
  expect(publicText).not.toContain("7654321");

  // 6. Extend.
  await page.goto(link);
  await page.getByRole("button", { name: "Um 7 Tage verlängern" }).click();
  await expect(page.getByText(/^Verlängert bis/)).toBeVisible();
  const extended = await state();
  expect(new Date(extended.expires_at).getTime() - new Date(offer.expires_at).getTime()).toBe(7 * 86_400_000);

  // 7. Delete as placed, asking for advice.
  await page.goto(link);
  await page.getByLabel("Ich wünsche eine weitere Beratung durch die Gemeinde").check();
  await page.getByRole("button", { name: "Als vermittelt melden und löschen" }).click();
  await expect(page.getByText(/Das Angebot ist als vermittelt gemeldet und gelöscht/)).toBeVisible();

  // 8. Gone from the list at once; the detail page answers 410; the mailbox got every copy.
  await page.goto("/de/angebote?gemeinde=kommune-b&barrierefrei=1");
  await expect(page.getByRole("link", { name: "Wohnung, für 3 Personen" })).toHaveCount(0);
  const gone = await page.goto(`/de/angebote/${offer.id}`);
  expect(gone?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "Nicht mehr verfügbar" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Zurück zur Liste" })).toBeVisible();
  await waitForMail(OFFERER, /^Beendet/);
  await waitForMail(MAILBOX, /^Kopie: Beendet/);
  const offererSubjects = (await mailsTo(OFFERER)).map((mail) => mail.subject).sort();
  const mailboxSubjects = (await mailsTo(MAILBOX)).map((mail) => mail.subject).sort();
  expect(offererSubjects).toHaveLength(4); // confirmation, relayed contact, extension, end
  expect(mailboxSubjects).toEqual(expect.arrayContaining(offererSubjects.map((subject) => `Kopie: ${subject}`)));
  for (const mail of await mailsTo(MAILBOX)) {
    expect(mail.text).not.toContain(OFFERER);
    expect(mail.text).not.toContain(SEEKER);
    expect(mail.text).not.toMatch(/\/verwalten\/[A-Za-z0-9_-]{43}/);
  }
  const countyIds = new Set((await mailsTo(OFFERER)).map((mail) => mail.county_id));
  expect(countyIds.size).toBe(1);
  expect([...countyIds][0]).toBeTruthy();
});

test("a mail scanner fetching every link changes nothing; the manage page passes axe in Arabic", async ({ request, page }) => {
  const offer = await withDatabase(
    async (client) => (await client.query<OfferRow>("SELECT id FROM housing_offer WHERE status = 'PENDING' LIMIT 1")).rows[0]!,
  );
  // A fresh link for a pending demo offer, as the confirmation mail carries it.
  const { token } = newOfferToken();
  await withDatabase((client) =>
    client.query("INSERT INTO offer_token (id, offer_id, token_hash) VALUES (gen_random_uuid()::text, $1, $2)", [
      offer.id,
      hashOfferToken(token),
    ]),
  );
  for (const suffix of ["", "?aktion=bestaetigen", "?action=confirm", "?aktion=loeschen"]) {
    expect((await request.get(`/de/verwalten/${token}${suffix}`)).status()).toBe(200);
    expect((await request.head(`/de/verwalten/${token}${suffix}`)).status()).toBe(200);
  }
  const after = await withDatabase(
    async (client) => (await client.query<OfferRow>("SELECT status FROM housing_offer WHERE id = $1", [offer.id])).rows[0]!,
  );
  expect(after.status).toBe("PENDING");
  await page.goto(`/ar/verwalten/${token}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: /تأكيد|نشر/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test("Arabic pages are laid out right to left and pass axe; so do German list and detail", async ({ page }) => {
  for (const locale of ["ar", "de"]) {
    await page.goto(`/${locale}/angebote`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expectNoAccessibilityViolations(page);
    await page.locator("article h2 a").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.goto(`/${locale}/angebot-einstellen`);
    await expectNoAccessibilityViolations(page);
    await page.goto(`/${locale}/links-anfordern`);
    await expectNoAccessibilityViolations(page);
  }
  // Right to left: the site name sits at the right edge, the language switch at the left.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/ar/angebote");
  const title = await page.getByRole("link", { name: "منصة السكن" }).boundingBox();
  const switcher = await page.getByRole("link", { name: "Deutsch" }).boundingBox();
  expect(title!.x).toBeGreaterThan(switcher!.x);
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
  // No page scrolls sideways on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/ar/angebote", "/de/angebot-einstellen", "/ar/angebot-einstellen"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});

test("the list and the offer form work without JavaScript: filters are a plain GET form, errors come back translated", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/angebote");
  await page.getByText("Filters", { exact: true }).click();
  await page.getByLabel("Type of housing").selectOption({ label: "Room" });
  await page.getByLabel("Sort by").selectOption({ label: "lowest rent" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/art=ROOM/);
  await expect(page).toHaveURL(/sortierung=miete/);
  const cards = page.locator("article h2");
  expect(await cards.count()).toBeGreaterThan(0);
  for (const text of await cards.allTextContents()) expect(text).toMatch(/^Room,/);
  await page.getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/angebote\?.*art=ROOM/);
  // A stale or mistyped filter in a shared link is dropped, not answered with an error.
  const odd = await page.goto("/de/angebote?ab=2026-13-01&personen=abc&seite=999");
  expect(odd?.status()).toBe(200);
  await expect(page.locator("article").first()).toBeVisible();
  // The offer form too: without JavaScript the server's answer comes back in the page's language.
  await page.goto("/en/angebot-einstellen");
  await page.getByLabel("Postal code").fill("12");
  await page.getByRole("button", { name: "Send offer" }).click();
  await expect(page.getByText("Please check the marked entries.")).toBeVisible();
  await expect(page.getByText("Please enter a five-digit postal code.")).toBeVisible();
  await expect(page.getByLabel("Postal code")).toHaveValue("12");
  await context.close();
});

/** The hidden fields a server-action form carries when rendered without JavaScript. */
async function actionFields(request: APIRequestContext, path: string): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g))
    fields[match[1]!] = match[2] ?? "";
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  return fields;
}

test("random and malformed input to the offer and contact forms never gives a 5xx and never stores an invalid row", async ({
  request,
  baseURL,
}) => {
  const offerForm = await actionFields(request, "/de/angebot-einstellen");
  const listed = await withDatabase(
    async (client) =>
      (await client.query<OfferRow>("SELECT id FROM housing_offer WHERE status = 'PUBLISHED' AND expires_at > now() LIMIT 1")).rows[0]!,
  );
  const contactForm = await actionFields(request, `/de/angebote/${listed.id}`);
  const before = await withDatabase(async (client) =>
    Number((await client.query<{ count: string }>("SELECT count(*) FROM housing_offer")).rows[0]!.count),
  );

  const hostile = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom(
      "",
      " ",
      "0",
      "-1",
      "1e3",
      "0x10",
      "99999999999",
      "2026-02-30",
      "on",
      "<script>alert(1)</script>",
      "'; DROP TABLE x; --",
      "\u0000",
      "x".repeat(5000),
    ),
  );
  const offerFields = [
    "municipalityId",
    "postalCode",
    "type",
    "persons",
    "rooms",
    "sizeSqm",
    "availableFrom",
    "availableUntil",
    "warmRent",
    "freeOfCharge",
    "description",
    "email",
    "phone",
    "publishPhone",
    "durationDays",
    "privacy",
    "languages",
    "locale",
  ];
  const statuses: number[] = [];
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.constantFrom(...offerFields), hostile), fc.boolean(), async (fields, contact) => {
      const response = await request.post(contact ? `/de/angebote/${listed.id}` : "/de/angebot-einstellen", {
        headers: { Origin: baseURL! },
        multipart: { ...(contact ? contactForm : offerForm), ...fields },
        maxRedirects: 0,
      });
      statuses.push(response.status());
      expect(response.status()).toBeLessThan(500);
    }),
    { numRuns: 60 },
  );
  expect(statuses.length).toBe(60);
  // Whatever was accepted is valid: the database's own checks would have refused anything else,
  // and nothing here had a municipality id, so nothing was stored at all.
  const after = await withDatabase(async (client) =>
    Number((await client.query<{ count: string }>("SELECT count(*) FROM housing_offer")).rows[0]!.count),
  );
  expect(after).toBe(before);
});

test("staff oversee the board: a clerk sees the own municipality's offers, a coordinator extends one with a reason, and opening the follow-up list is logged", async ({
  page,
  browser,
}) => {
  const clerk = await (await browser.newContext()).newPage();
  await signInAs(clerk, ACCOUNTS.clerkA);
  await clerk.goto("/angebote");
  const municipalities = await clerk.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(municipalities.length).toBeGreaterThan(0);
  expect(new Set(municipalities.map((name) => name.trim()))).toEqual(new Set(["Kommune A"]));
  await expectNoAccessibilityViolations(clerk);

  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/angebote?status=veroeffentlicht");
  await expectNoAccessibilityViolations(page);
  const row = page.locator("tbody tr").first();
  await row.locator("summary", { hasText: "Verlängern" }).click();
  await row.getByLabel("Grund der Verlängerung (7 Tage)").fill("Telefonisch mit der Anbieterin abgesprochen");
  await row.getByRole("button", { name: "Verlängern" }).click();
  await expect(row.getByText(/^Verlängert bis/)).toBeVisible();
  const extended = await withDatabase(
    async (client) =>
      (
        await client.query<{ after: { reason: string } }>(
          "SELECT after FROM audit_event WHERE action = 'offer.extended' ORDER BY created_at DESC LIMIT 1",
        )
      ).rows[0]!,
  );
  expect(JSON.stringify(extended.after)).toContain("Telefonisch mit der Anbieterin abgesprochen");

  const viewsBefore = await withDatabase(async (client) =>
    Number(
      (await client.query<{ count: string }>("SELECT count(*) FROM audit_event WHERE action = 'offer.contact-viewed'")).rows[0]!.count,
    ),
  );
  await page.goto("/angebote/nachbetreuung");
  await expect(page.getByText("anbieter-3@demo.musterland.example")).toBeVisible();
  const viewsAfter = await withDatabase(async (client) =>
    Number(
      (await client.query<{ count: string }>("SELECT count(*) FROM audit_event WHERE action = 'offer.contact-viewed'")).rows[0]!.count,
    ),
  );
  expect(viewsAfter).toBeGreaterThan(viewsBefore);
});

test("a seeker can use the board by keyboard alone: skip link, an offer, the contact form", async ({ page }) => {
  await page.goto("/en/angebote");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#inhalt$/);
  // Tab on until the first offer's link, open it with Enter.
  const firstOffer = page.locator("article h2 a").first();
  for (let step = 0; step < 40 && !(await firstOffer.evaluate((link) => link === document.activeElement)); step++)
    await page.keyboard.press("Tab");
  await expect(firstOffer).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/angebote\/[\w-]+$/);
  const name = page.getByLabel("Your name");
  for (let step = 0; step < 60 && !(await name.evaluate((input) => input === document.activeElement)); step++)
    await page.keyboard.press("Tab");
  await expect(name).toBeFocused();
  await page.keyboard.type("Keyboard User");
  await page.keyboard.press("Tab");
  await page.keyboard.type("keyboard@example.net");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Is the room still free?");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "privacy notice" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send message" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your message has been passed on.", { exact: false })).toBeVisible();
});

test("every public page passes axe in every language", async ({ page }) => {
  test.setTimeout(240_000);
  for (const locale of ["de", "en", "uk", "ru", "ar"]) {
    await page.goto(`/${locale}/angebote`);
    const detail = await page.locator("article h2 a").first().getAttribute("href");
    for (const path of [
      "",
      "/angebote",
      detail!.slice(locale.length + 1),
      "/angebot-einstellen",
      "/links-anfordern",
      "/datenschutz",
      "/impressum",
      "/angebote/nicht-mehr-verfuegbar",
    ]) {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("html"), `${locale}${path}`).toHaveAttribute("lang", locale);
      await expectNoAccessibilityViolations(page);
    }
  }
});
