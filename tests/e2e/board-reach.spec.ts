import { expect, test } from "@playwright/test";
import { ACCOUNTS, expectNoAccessibilityViolations, signInAs, withDatabase } from "./helpers";

// The board and the county picture meet (issue 11): the open-data API's caching headers, the
// rent-ceiling hint, filter and flag, and /lage's private-offer column against the database.

test("the open-data API answers with caching headers, 304 on a matching ETag, its document and a feed", async ({ request }) => {
  const first = await request.get("/api/v1/offers?personen=2");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=60");
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  const etag = first.headers()["etag"]!;
  expect(etag).toBeTruthy();
  const again = await request.get("/api/v1/offers?personen=2", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const body = JSON.stringify(await first.json());
  expect(body).not.toMatch(/@/); // no e-mail address of any offerer
  expect((await request.get("/api/v1/offers?personen=zwei")).status()).toBe(400);
  expect(((await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
  const feed = await request.get("/api/v1/offers.atom");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  // Other API routes stay uncached.
  expect((await request.get("/api/health")).headers()["cache-control"]).toBe("no-store");
});

test("an offer above the rent ceiling: a neutral hint for seekers, left out by the filter, flagged for staff", async ({ page }) => {
  // A demo offer whose warm rent is above the demo ceiling for its persons.
  const offer = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; persons: number; rent: number }>(`
      SELECT o.id, o.persons, o.warm_rent_euros AS rent FROM housing_offer o
      WHERE o.status = 'PUBLISHED' AND o.expires_at > now() AND NOT o.free_of_charge
        AND o.warm_rent_euros > (SELECT c.max_warm_rent FROM rent_ceiling c
          WHERE c.municipality_id = o.municipality_id AND c.household_size <= o.persons ORDER BY c.household_size DESC LIMIT 1)
      ORDER BY o.id LIMIT 1`);
    return rows[0]!;
  });
  await page.goto(`/de/angebote/${offer.id}`);
  await expect(page.getByTestId("rent-above-ceiling")).toContainText(
    `Miete über der Angemessenheitsgrenze für ${offer.persons} ${offer.persons === 1 ? "Person" : "Personen"}`,
  );
  await expectNoAccessibilityViolations(page);
  await page.goto(`/en/angebote/${offer.id}`);
  await expect(page.getByTestId("rent-above-ceiling")).toContainText("Rent above the accepted limit");

  await page.goto("/de/angebote?kosten=1&sortierung=miete");
  await expect(page.getByLabel("Kosten werden übernommen (unter Obergrenze)")).toBeChecked();
  const listed = await page.locator(`a[href="/de/angebote/${offer.id}"]`).count();
  expect(listed).toBe(0);
  const api = (await (await page.request.get("/api/v1/offers?kosten=1&pageSize=100")).json()) as { offers: { id: string }[] };
  expect(api.offers.map((o) => o.id)).not.toContain(offer.id);

  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/angebote");
  await expect(page.locator('[data-flag="rent-above-ceiling"]').first()).toBeVisible();
});

test("/lage's 'Private Angebote (Börse)' equals the board's listed offers per municipality", async ({ page }) => {
  const counts = await withDatabase(async (client) => {
    const { rows } = await client.query<{ slug: string; offers: number; persons: number }>(`
      SELECT m.slug, count(o.id)::int AS offers, coalesce(sum(o.persons), 0)::int AS persons
      FROM municipality m LEFT JOIN housing_offer o ON o.municipality_id = m.id AND o.status = 'PUBLISHED' AND o.expires_at > now()
      WHERE m.county_id = (SELECT id FROM county WHERE slug = 'musterland') GROUP BY m.slug`);
    return rows;
  });
  // The column shows from 1,400 px (at 1,280 px the table fits without it).
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, ACCOUNTS.coordinator);
  await page.goto("/lage");
  await expect(page.getByRole("columnheader", { name: /Private Angebote \(Börse\)/ })).toBeVisible();
  // Persons, then the offers below them (the screen-reader text says both in full).
  const cellText = (offers: number, persons: number) =>
    offers === 0
      ? "keine"
      : `${offers === 1 ? "1 Angebot" : `${offers} Angebote`}, ${persons === 1 ? "1 Person" : `${persons} Personen`}${persons} Pers.${offers === 1 ? "1 Angebot" : `${offers} Angebote`}`;
  for (const { slug, offers, persons } of counts) {
    await expect(page.locator(`tr[data-municipality="${slug}"] td[data-column="boardPersons"]`), slug).toHaveText(
      cellText(offers, persons),
    );
  }
  const total = counts.reduce((sum, row) => ({ offers: sum.offers + row.offers, persons: sum.persons + row.persons }), {
    offers: 0,
    persons: 0,
  });
  await expect(page.getByTestId("totals-row").locator('td[data-column="boardPersons"]')).toHaveText(cellText(total.offers, total.persons));
});
