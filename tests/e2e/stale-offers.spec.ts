import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, withDatabase } from "./helpers";

// Stale offers, the seeker's side (issue 11): the confirmation mail after writing to an offerer
// carries a feedback link; opening it changes nothing, its buttons record one feedback. The
// check mail, hiding and keeping run in the hourly job (tests/integration/stale-offers.test.ts).

const SEEKER = "e2e-rueckmeldung@example.net";
const MARKER = `E2E-Rückmeldung-${Date.now()}`;

let startedAt: Date;

test.beforeAll(async () => {
  startedAt = await withDatabase(async (client) => (await client.query<{ now: Date }>("SELECT now() AS now")).rows[0]!.now);
});

// Leave the figures as they were: the contact (staff list's message count), the limiter's hits
// (other specs contact offers from the same address) and the caught mails of this spec.
test.afterAll(async () => {
  await withDatabase(async (client) => {
    await client.query("DELETE FROM offer_contact WHERE sender_email = $1", [SEEKER]);
    await client.query("DELETE FROM rate_limit_hit WHERE key LIKE 'offer-contact:%' AND created_at >= $1", [startedAt]);
    await client.query("DELETE FROM caught_mail WHERE $1 = ANY(envelope_to) OR text LIKE $2", [SEEKER, `%${MARKER}%`]);
  });
});

const feedbackOf = () =>
  withDatabase(
    async (client) =>
      (
        await client.query<{ feedback: string | null; feedback_at: Date | null }>(
          "SELECT feedback, feedback_at FROM offer_contact WHERE sender_email = $1",
          [SEEKER],
        )
      ).rows,
  );

test("a seeker writes to a demo offer, opens the feedback link from the confirmation and reports no answer, once", async ({
  page,
  request,
}) => {
  // A listed demo offer outside Kommune B (whose mailbox the board spec reads).
  const offerId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`
      SELECT o.id FROM housing_offer o JOIN municipality m ON m.id = o.municipality_id
       WHERE o.is_demo AND o.status = 'PUBLISHED' AND o.expires_at > now() + interval '1 day'
         AND o.stale_hidden_at IS NULL AND o.contact_email IS NOT NULL AND m.slug <> 'kommune-b'
       ORDER BY o.id LIMIT 1`);
    return rows[0]!.id;
  });

  await page.goto(`/de/angebote/${offerId}`);
  await page.getByLabel("Ihr Name").fill("Rückmeldung E2E");
  await page.getByLabel("Ihre E-Mail-Adresse").fill(SEEKER);
  await page.getByLabel("Nachricht", { exact: true }).fill(`Ist die Wohnung noch frei? ${MARKER}`);
  await page.getByRole("button", { name: "Nachricht senden" }).click();
  await expect(page.getByText("Ihre Nachricht wurde weitergeleitet.")).toBeVisible();

  // The confirmation, caught by the app's SMTP server.
  let text = "";
  await expect(async () => {
    const { rows } = await withDatabase((client) =>
      client.query<{ subject: string; text: string }>("SELECT subject, text FROM caught_mail WHERE $1 = ANY(envelope_to)", [SEEKER]),
    );
    const confirmation = rows.find((mail) => mail.subject === "Ihre Nachricht wurde weitergeleitet");
    expect(confirmation).toBeDefined();
    text = confirmation!.text;
  }).toPass({ timeout: 20_000 });
  expect(text).not.toContain(MARKER); // the seeker's own text is not sent back
  const link = /https?:\/\/\S+\/de\/rueckmeldung\/[A-Za-z0-9_-]{43}/.exec(text)![0];
  const path = new URL(link).pathname;

  // A mail scanner fetching the link (with any query) records nothing.
  for (const suffix of ["", "?feedback=NO_ANSWER", "?aktion=keine-antwort"]) {
    expect((await request.get(`${path}${suffix}`)).status()).toBe(200);
    expect((await request.head(`${path}${suffix}`)).status()).toBe(200);
  }
  expect(await feedbackOf()).toEqual([{ feedback: null, feedback_at: null }]);

  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Rückmeldung zu Ihrer Anfrage" })).toBeVisible();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expect(page.getByRole("button", { name: "Wohnung schon vergeben" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Keine Antwort erhalten" }).click();
  await expect(page.getByText("Danke für Ihre Rückmeldung!")).toBeVisible();
  expect(await feedbackOf()).toEqual([{ feedback: "NO_ANSWER", feedback_at: expect.any(Date) as Date }]);

  // Once per contact: the page now says so, and offers no buttons.
  await page.reload();
  await expect(page.getByText("Ihre Rückmeldung ist bereits erfasst. Danke!")).toBeVisible();
  await expect(page.getByRole("button", { name: "Keine Antwort erhalten" })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // The same page in Arabic, right to left, passes axe too; a forged token finds nothing.
  await page.goto(path.replace("/de/", "/ar/"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAccessibilityViolations(page);
  await page.goto(`/de/rueckmeldung/${"A".repeat(43)}`);
  await expect(page.getByText("Dieser Link ist ungültig oder das Angebot wurde gelöscht.")).toBeVisible();
  expect(await feedbackOf()).toEqual([{ feedback: "NO_ANSWER", feedback_at: expect.any(Date) as Date }]);
});
