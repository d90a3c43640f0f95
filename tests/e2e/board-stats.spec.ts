import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs, withDatabase } from "./helpers";

// Board reach (issue 11): the press office's weekly board figures (/lage/boerse and its CSV),
// and a clerk recording a placement from the board, which the municipality page and the report
// form then show. Whatever this file records is deleted again, so later figures are unchanged.

const berlinDay = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

test("the press office sees the board's weeks as a table and a chart, and downloads them as CSV without personal data", async ({
  page,
  browser,
}) => {
  // Offers of the county created in the twelve weeks shown (Monday 00:00 in Berlin, eleven weeks back).
  const received = await withDatabase(async (client) => {
    const { rows } = await client.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM housing_offer
       WHERE county_id = (SELECT id FROM county WHERE slug = 'musterland')
         AND (created_at AT TIME ZONE 'UTC') >= ((date_trunc('week', now() AT TIME ZONE 'Europe/Berlin') - interval '11 weeks') AT TIME ZONE 'Europe/Berlin')`);
    return rows[0]!.n;
  });
  await signInAs(page, ACCOUNTS.press);
  await page.goto("/lage");
  await page.getByRole("link", { name: "Wohnraumbörse je Woche: Angebote und Vermittlungen" }).click();
  await expect(page).toHaveURL(/\/lage\/boerse$/);
  await expect(page.getByRole("heading", { level: 1, name: "Wohnraumbörse je Woche" })).toBeVisible();

  const table = page.getByTestId("board-weeks");
  await expect(table.locator("tbody tr")).toHaveCount(12);
  await expect(table.getByRole("columnheader", { name: "Als vermittelt gemeldet (Anbietende)" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Vermittlungen erfasst (Kommunen)" })).toBeVisible();
  await expect(table.locator("tbody tr").last()).toContainText("(laufend)");
  await expect(page.getByTestId("board-weeks-total").locator('[data-figure="received"]')).toHaveText(String(received));
  await expect(page.locator("figure .recharts-wrapper svg").first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Als CSV herunterladen" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^boerse-landkreis-musterland-\d{4}-\d{2}-\d{2}\.csv$/);

  const csv = await page.request.get("/api/export/boerse.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "Kalenderwoche;Von;Bis;Angebote eingegangen;Angebote bestätigt;Als vermittelt gemeldet (Anbietende);Vermittlungen erfasst (Kommunen);Abgelaufen",
  );
  expect(lines).toHaveLength(14);
  expect(lines[13]).toMatch(new RegExp(`^Gesamt;\\d{2}\\.\\d{2}\\.\\d{4};\\d{2}\\.\\d{2}\\.\\d{4};${received};`));
  // No contact data, postal code or description of any offer.
  const offers = await withDatabase(
    async (client) =>
      (
        await client.query<{ contact_email: string | null; contact_phone: string | null; postal_code: string; description: string }>(
          "SELECT contact_email, contact_phone, postal_code, description FROM housing_offer",
        )
      ).rows,
  );
  expect(text).not.toContain("@");
  for (const offer of offers) {
    for (const value of [offer.contact_email, offer.contact_phone, offer.postal_code, offer.description]) {
      if (value) expect(text).not.toContain(value);
    }
  }

  // Linked from /export too; clerks get neither the page nor the file.
  await page.goto("/export");
  await expect(page.getByRole("link", { name: "CSV herunterladen" })).toHaveAttribute("href", "/api/export/boerse.csv");
  const clerk = await (await browser.newContext()).newPage();
  await signInAs(clerk, ACCOUNTS.clerkA);
  expect((await clerk.request.get("/api/export/boerse.csv")).status()).toBe(403);
  await clerk.goto("/lage/boerse");
  await expect(clerk).toHaveURL(/\/kein-zugriff/);
  await clerk.context().close();
});

test("a clerk of Kommune A records a placement for one of its offers; the municipality page and the report form show it", async ({
  page,
}) => {
  const today = berlinDay();
  const { offerId, latestReport, before } = await withDatabase(async (client) => {
    const offer = await client.query<{ id: string }>(`
      SELECT o.id FROM housing_offer o JOIN municipality m ON m.id = o.municipality_id
       WHERE m.slug = 'kommune-a' AND o.is_demo AND o.status <> 'PENDING' ORDER BY o.created_at DESC LIMIT 1`);
    const report = await client.query<{ day: string }>(`
      SELECT to_char(max(r.reporting_date), 'YYYY-MM-DD') AS day FROM capacity_report r
        JOIN municipality m ON m.id = r.municipality_id WHERE m.slug = 'kommune-a'`);
    const ids = await client.query<{ id: string }>("SELECT id FROM board_placement");
    return { offerId: offer.rows[0]!.id, latestReport: report.rows[0]!.day, before: new Set(ids.rows.map((row) => row.id)) };
  });
  // The demo dates Kommune A's latest report days back, so today's placement counts as "since".
  expect(latestReport < today).toBe(true);

  try {
    await signInAs(page, ACCOUNTS.clerkA);
    await page.goto("/angebote");
    const row = page.locator(`tr[data-offer="${offerId}"]`);
    await row.locator("summary", { hasText: "Vermittlung erfassen" }).click();
    const size = row.getByLabel("Personen im Haushalt");
    await expect(row.getByLabel("Vermittelt am")).toHaveValue(today);
    await size.fill("0");
    await row.getByRole("button", { name: "Vermittlung speichern" }).click();
    await expect(row.getByText("Personen im Haushalt: bitte eine ganze Zahl von 1 bis 30 angeben.")).toBeVisible();
    await expect(size).toHaveAttribute("aria-invalid", "true");
    await expectNoAccessibilityViolations(page);
    await size.fill("3");
    await row.getByRole("button", { name: "Vermittlung speichern" }).click();
    await expect(row.getByText(/^Vermittlung erfasst: 3 Personen am/)).toBeVisible();

    const stored = await withDatabase(async (client) => {
      const { rows } = await client.query<{ id: string; household_size: number; municipality: string }>(
        `SELECT p.id, p.household_size, m.slug AS municipality FROM board_placement p JOIN municipality m ON m.id = p.municipality_id
          WHERE p.offer_id = $1`,
        [offerId],
      );
      return rows.filter((placement) => !before.has(placement.id));
    });
    expect(stored).toEqual([expect.objectContaining({ household_size: 3, municipality: "kommune-a" })]);

    // What the pages should show, from the database (earlier tests may have recorded more).
    const expected = await withDatabase(async (client) => {
      const { rows } = await client.query<{ month_placements: number; month_persons: number; since_persons: number }>(
        `SELECT count(*) FILTER (WHERE to_char(p.placed_on, 'YYYY-MM') = $1)::int AS month_placements,
                coalesce(sum(p.household_size) FILTER (WHERE to_char(p.placed_on, 'YYYY-MM') = $1), 0)::int AS month_persons,
                coalesce(sum(p.household_size) FILTER (WHERE p.placed_on > $2::date), 0)::int AS since_persons
           FROM board_placement p JOIN municipality m ON m.id = p.municipality_id WHERE m.slug = 'kommune-a'`,
        [today.slice(0, 7), latestReport],
      );
      return rows[0]!;
    });

    await page.goto("/kommunen/kommune-a");
    const section = page.getByTestId("board-placements");
    await expect(section.getByRole("heading", { name: "Vermittlungen über die Börse" })).toBeVisible();
    const month = section.locator(`tr[data-month="${today.slice(0, 7)}"]`);
    await expect(month.locator("td").nth(0)).toHaveText(String(expected.month_placements));
    await expect(month.locator("td").nth(1)).toHaveText(String(expected.month_persons));
    await expectNoAccessibilityViolations(page);

    await page.goto("/kommunen/kommune-a/meldung");
    await expect(page.getByTestId("board-placement-hint")).toContainText(`über die Börse vermittelt: ${expected.since_persons} Personen`);
  } finally {
    await withDatabase(async (client) => {
      await client.query("DELETE FROM board_placement WHERE NOT (id = ANY($1::text[]))", [[...before]]);
    });
  }
});
