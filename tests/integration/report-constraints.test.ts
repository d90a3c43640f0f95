import { cp, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import {
  countReports,
  latestSavedReportId,
  loadCountyEvaluation,
  loadReportForm,
  loadReportHistory,
  loadWeeklyTrend,
} from "../../lib/capacity/queries";
import { submitCapacityReport } from "../../lib/capacity/submit";
import { addDays, berlinDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { applyMigrations, MIGRATIONS_DIR } from "../../lib/db/migrate";
import { resolveStand } from "../../lib/exports/lage-data";
import { seedDemoCounty } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";

// The database refuses what the app refuses (issue 13): a report dated before 2000 or after the
// day it was saved, control characters in its texts. Rows stored before the constraints existed
// stay (the table is append-only) but count nowhere.

const CONSTRAINTS_MIGRATION = "20261125090000_report_constraints";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

const insert = (sql: string) => db().$executeRawUnsafe(sql);
const municipalityId = async (slug: string) => (await db().municipality.findFirstOrThrow({ where: { slug } })).id;

describe("report constraints in the database", () => {
  it("refuse a date before 2000, a date after the day of saving, and control characters, whoever writes", async () => {
    const id = await municipalityId("kommune-b");
    const row = (values: string) =>
      insert(
        `INSERT INTO capacity_report (id, municipality_id, reporting_date, comment, created_at) VALUES ${values.replace("$M", `'${id}'`)}`,
      );
    await expect(row(`('x1', $M, DATE '1999-12-31', NULL, now())`)).rejects.toThrow(/capacity_report_reporting_date_check/);
    await expect(row(`('x2', $M, DATE '0001-01-01', NULL, now())`)).rejects.toThrow(/capacity_report_reporting_date_check/);
    await expect(row(`('x3', $M, current_date + 30, NULL, now())`)).rejects.toThrow(/capacity_report_reporting_date_check/);
    await expect(row(`('x4', $M, DATE '2026-01-05', E'Zeile\\x01', now())`)).rejects.toThrow(/capacity_report_text_check/);
    // PostgreSQL refuses NUL in any text column by itself.
    await expect(row(`('x5', $M, DATE '2026-01-05', E'a\\x00b', now())`)).rejects.toThrow();
    // What is allowed stays allowed: line breaks in a comment, a past day saved today.
    await expect(row(`('ok1', $M, DATE '2026-01-05', E'Zeile 1\\nZeile 2', now())`)).resolves.toBe(1);
  });

  it("the app answers such input with a field error, not a 500", async () => {
    const form = (await loadReportForm(demo.coordinator, "kommune-c"))!;
    const base = { ...form.prefill!.figures, situation: "", baseReportId: form.baseReportId, reportingDate: berlinDay() };
    for (const input of [
      { ...base, reportingDate: "0000-01-01" },
      { ...base, reportingDate: "1970-01-01" },
      { ...base, comment: "a\u0000b" },
      { ...base, warningNote: "\u0001" },
    ]) {
      await expect(submitCapacityReport(demo.coordinator, "kommune-c", input)).rejects.toMatchObject({ code: "VALIDATION" });
    }
  });
});

describe("rows stored before the constraints", () => {
  it("stay in the table but count nowhere: evaluation, history, trend, form, conflict check, export Stand", async () => {
    const id = await municipalityId("kommune-d");
    const [before] = await loadReportHistory(demo.coordinator, id);
    const countBefore = await countReports(demo.coordinator, id);
    const baseBefore = await latestSavedReportId(demo.coordinator, id);
    // As the fuzz run had left them: the constraint dropped, rows written, the constraint added as the migration does.
    await insert(`ALTER TABLE capacity_report DROP CONSTRAINT capacity_report_reporting_date_check`);
    await insert(
      `INSERT INTO capacity_report (id, municipality_id, reporting_date, quota_outstanding, created_at) VALUES ('legacy-1', '${id}', DATE '0001-01-01', 9999, now()), ('legacy-2', '${id}', DATE '1970-01-01', 9999, now())`,
    );
    await insert(
      `ALTER TABLE capacity_report ADD CONSTRAINT capacity_report_reporting_date_check CHECK (reporting_date >= DATE '2000-01-01' AND reporting_date <= ((created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin')::date) NOT VALID`,
    );
    expect(await db().capacityReport.count({ where: { municipalityId: id } })).toBe(countBefore + 2);

    expect(await countReports(demo.coordinator, id)).toBe(countBefore);
    expect((await loadReportHistory(demo.coordinator, id))[0]!.id).toBe(before!.id);
    expect((await loadWeeklyTrend(demo.coordinator, id)).map((report) => report.figures.quotaOutstanding)).not.toContain(9999);
    expect(await latestSavedReportId(demo.coordinator, id)).toBe(baseBefore);
    const evaluation = (await loadCountyEvaluation(demo.coordinator, berlinDay()))!;
    expect(evaluation.rows.find((row) => row.municipalityId === id)!.figures.quotaOutstanding).not.toBe(9999);
    // A Stand in 1999 has no reports, whatever the legacy rows say.
    await expect(resolveStand(demo.coordinator, "2001-01-01")).rejects.toMatchObject({ code: "VALIDATION" });

    // The next report builds on the latest counted one: no false conflict with a legacy row.
    const form = (await loadReportForm(demo.coordinator, "kommune-d"))!;
    expect(form.baseReportId).toBe(baseBefore);
    const saved = await submitCapacityReport(demo.coordinator, "kommune-d", {
      ...form.prefill!.figures,
      reportingDate: addDays(berlinDay(), 0),
      situation: "",
      baseReportId: form.baseReportId,
      confirmedWarnings: ["HOUSED_ABOVE_ARRIVALS"],
      warningNote: "Test",
    });
    expect(saved.status).toBe("saved");
  });
});

describe("the constraints migration", () => {
  it("applies to a database that already holds rows it forbids", async () => {
    const adminUrl = new URL(process.env.DATABASE_URL!);
    const legacyDb = `${adminUrl.pathname.slice(1)}_legacy`;
    const legacyUrl = Object.assign(new URL(adminUrl.toString()), { pathname: `/${legacyDb}` }).toString();
    const run = async (url: string, sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<Record<string, unknown>>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    await run(adminUrl.toString(), `CREATE DATABASE "${legacyDb}"`);
    try {
      // Every migration before this one, then the rows the fuzz run left.
      const dir = await testTempDir("migrations-");
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await rm(path.join(dir, CONSTRAINTS_MIGRATION), { recursive: true });
      await applyMigrations(legacyUrl, { dir });
      await run(
        legacyUrl,
        `INSERT INTO county (id, name, slug) VALUES ('c', 'Landkreis', 'landkreis');
         INSERT INTO municipality (id, county_id, name, slug) VALUES ('m', 'c', 'Kommune', 'kommune');
         INSERT INTO capacity_report (id, municipality_id, reporting_date, comment) VALUES
           ('r1', 'm', DATE '0001-01-01', NULL), ('r2', 'm', DATE '1900-01-01', E'\\x01'), ('r3', 'm', DATE '2026-11-01', 'gut');`,
      );
      await applyMigrations(legacyUrl);
      expect(await run(legacyUrl, `SELECT id FROM capacity_report ORDER BY id`)).toEqual([{ id: "r1" }, { id: "r2" }, { id: "r3" }]);
      await expect(
        run(legacyUrl, `INSERT INTO capacity_report (id, municipality_id, reporting_date) VALUES ('r4', 'm', DATE '1970-01-01')`),
      ).rejects.toThrow(/capacity_report_reporting_date_check/);
    } finally {
      await run(adminUrl.toString(), `DROP DATABASE "${legacyDb}" WITH (FORCE)`);
    }
  });
});
