import pg from "pg";

// A state-sized data set: 40 counties × 25 municipalities, one report per municipality per day
// for two years (730,000 reports), generated inside PostgreSQL.
export const COUNTIES = 40;
export const MUNICIPALITIES_PER_COUNTY = 25;
export const DAYS = 730;

export async function generateStateData(url: string, log: (line: string) => void): Promise<{ reports: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM capacity_report");
    const expected = COUNTIES * MUNICIPALITIES_PER_COUNTY * DAYS;
    if (rows[0]!.n === expected) {
      // Reused: report what is there, counted, not the constant we meant to generate.
      const counted = await client.query<{ counties: number; municipalities: number }>(
        "SELECT (SELECT count(*)::int FROM county) AS counties, (SELECT count(*)::int FROM municipality) AS municipalities",
      );
      const { counties, municipalities } = counted.rows[0]!;
      if (counties !== COUNTIES || municipalities !== COUNTIES * MUNICIPALITIES_PER_COUNTY) {
        throw new Error(
          `The benchmark database holds ${counties} counties and ${municipalities} municipalities, not the generated set; use an empty one.`,
        );
      }
      log(`Reusing the generated data set (${rows[0]!.n} reports counted).`);
      return { reports: rows[0]!.n, seconds: 0 };
    }
    if (rows[0]!.n !== 0) throw new Error("The benchmark database holds other data; use an empty one.");
    const started = performance.now();
    log(`Generating ${COUNTIES} counties × ${MUNICIPALITIES_PER_COUNTY} municipalities × ${DAYS} days ...`);
    await client.query(`
      INSERT INTO county (id, name, slug, reporting_interval_days)
      SELECT 'c' || i, 'Landkreis ' || i, 'landkreis-' || i, 7 FROM generate_series(1, ${COUNTIES}) i;
      INSERT INTO municipality (id, county_id, name, slug)
      SELECT 'm' || c || '-' || j, 'c' || c, 'Kommune ' || c || '-' || j, 'kommune-' || j
        FROM generate_series(1, ${COUNTIES}) c, generate_series(1, ${MUNICIPALITIES_PER_COUNTY}) j;
      INSERT INTO capacity_report (id, municipality_id, reporting_date, allocations, arrivals, not_credited,
             possibly_credited, quota_outstanding, housed_shared, housed_decentral, available_shared,
             available_decentral, prospective_shared, prospective_decentral, situation, created_at)
      SELECT m.id || '-' || d, m.id, current_date - ${DAYS - 1} + d,
             60 + (random() * 120)::int, 50 + (random() * 100)::int, (random() * 8)::int,
             CASE WHEN random() < 0.6 THEN NULL ELSE (random() * 5)::int END,
             (random() * 200)::int - 20, (random() * 60)::int, (random() * 120)::int,
             CASE WHEN random() < 0.05 THEN NULL ELSE (random() * 30)::int END, (random() * 60)::int,
             (random() * 40)::int, (random() * 40)::int,
             (CASE WHEN random() < 0.2 THEN 'CRITICAL' ELSE 'SUFFICIENT' END)::"SituationRating",
             (current_date - ${DAYS - 1} + d)::timestamp + interval '10 hours'
        FROM municipality m, generate_series(0, ${DAYS - 1}) d;
      ANALYZE;
    `);
    const seconds = (performance.now() - started) / 1000;
    log(`Generated ${expected} reports in ${seconds.toFixed(1)} s.`);
    return { reports: expected, seconds };
  } finally {
    await client.end();
  }
}
