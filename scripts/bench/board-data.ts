import pg from "pg";

// The rush benchmark's board (issue 11): one county with 1,000 municipalities and 100,000
// published offers, generated inside PostgreSQL. Types, sizes, rents, free-from days and options
// vary by a fixed pattern, so filter combinations match realistic shares; about a third of the
// municipalities have rent ceilings. Each run moves the expiries into the future again, so every
// offer is listed however old the generated set is.

export const BOARD_SLUG = "ansturm";
export const MUNICIPALITIES = 1_000;
export const OFFERS = 100_000;

export async function ensureBoardData(url: string, log: (line: string) => void): Promise<{ offers: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counted = await client.query<{ offers: number; municipalities: number; other: number }>(
      `SELECT (SELECT count(*)::int FROM housing_offer WHERE county_id = 'ansturm') AS offers,
              (SELECT count(*)::int FROM municipality WHERE county_id = 'ansturm') AS municipalities,
              (SELECT count(*)::int FROM county WHERE id <> 'ansturm') AS other`,
    );
    const { offers, municipalities, other } = counted.rows[0]!;
    let seconds = 0;
    if (other > 0) throw new Error("The benchmark database holds other counties; use an empty one.");
    if (offers === OFFERS && municipalities === MUNICIPALITIES) {
      log(`Reusing the generated board (${offers.toLocaleString("en")} offers counted).`);
    } else {
      if (offers !== 0 || municipalities !== 0) throw new Error("The benchmark database holds a different board; use an empty one.");
      log(`Generating ${MUNICIPALITIES.toLocaleString("en")} municipalities and ${OFFERS.toLocaleString("en")} offers ...`);
      const started = performance.now();
      await client.query(`
        INSERT INTO county (id, name, slug) VALUES ('ansturm', 'Landkreis Ansturm', '${BOARD_SLUG}');
        INSERT INTO municipality (id, county_id, name, slug)
        SELECT 'am' || i, 'ansturm', 'Gemeinde ' || i, 'gemeinde-' || i FROM generate_series(1, ${MUNICIPALITIES}) i;
        INSERT INTO rent_ceiling (county_id, municipality_id, household_size, max_warm_rent, updated_at)
        SELECT 'ansturm', 'am' || i, size, 350 + size * 130, (now() AT TIME ZONE 'UTC')
          FROM generate_series(1, ${MUNICIPALITIES}, 3) i, generate_series(1, 6) size;
        INSERT INTO housing_offer (id, county_id, municipality_id, status, locale, type, postal_code, district, persons, rooms,
               size_sqm, available_from, available_until, warm_rent_euros, free_of_charge, furnished, barrier_free, pets_allowed,
               languages, description, contact_email, contact_phone, publish_phone, duration_days, privacy_version,
               privacy_accepted_at, created_at, confirmed_at, expires_at)
        SELECT 'ao' || i, 'ansturm', 'am' || (1 + i % ${MUNICIPALITIES}), 'PUBLISHED', 'de',
               (ARRAY['FLAT', 'FLAT', 'ROOM', 'HOUSE', 'SHARED_FLAT_ROOM'])[1 + i % 5]::"OfferType",
               lpad((10000 + i % 89999)::text, 5, '0'), CASE WHEN i % 4 = 0 THEN 'Ortsteil ' || (i % 17) END,
               1 + i % 6, 1 + i % 4, 20 + i % 90,
               DATE '2026-11-01' + (i % 120), CASE WHEN i % 7 = 0 THEN DATE '2027-06-01' + (i % 90) END,
               CASE WHEN i % 5 = 0 THEN NULL ELSE 250 + (i * 37) % 1100 END, i % 5 = 0, i % 3 = 0, i % 4 = 0, i % 6 = 0,
               ARRAY['de', (ARRAY['uk', 'ru', 'ar', 'en'])[1 + i % 4]],
               'Angebot ' || i || ': ruhige Lage, Bus in der Nähe, Einkauf zu Fuß erreichbar.',
               'anbieter-' || i || '@bench.example', '0711 ' || lpad((i % 1000000)::text, 6, '0'), i % 2 = 0, 30, 1,
               (now() AT TIME ZONE 'UTC') - interval '40 days', (now() AT TIME ZONE 'UTC') - interval '40 days',
               (now() AT TIME ZONE 'UTC') - make_interval(secs => i * 20), (now() AT TIME ZONE 'UTC')
          FROM generate_series(1, ${OFFERS}) i;
      `);
      seconds = (performance.now() - started) / 1000;
    }
    // Listed whatever the set's age: expiries 10 to 40 days ahead (as UTC, like the app's columns).
    await client.query(`
      UPDATE housing_offer
         SET expires_at = (now() AT TIME ZONE 'UTC') + make_interval(days => 10 + (substr(id, 3)::int % 30)),
             confirmed_at = (now() AT TIME ZONE 'UTC') - make_interval(secs => substr(id, 3)::int * 20),
             stale_hidden_at = NULL, stale_check_sent_at = NULL, kept_at = NULL
       WHERE county_id = 'ansturm'`);
    await client.query("VACUUM ANALYZE housing_offer, municipality, rent_ceiling, cache_tag_event");
    return { offers: OFFERS, seconds };
  } finally {
    await client.end();
  }
}
