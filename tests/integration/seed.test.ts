import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { addDays, dateToDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { parseCountyCsv } from "../../lib/demo/county-csv";
import { DEMO_ACCOUNTS, DEMO_HISTORY_WEEKS, DEMO_REPORT_AGE_DAYS, seedDemo } from "../../lib/demo/seed";
import { evaluateAsOf } from "../../lib/capacity/latest-reports";
import { FIGURE_KEYS } from "../../lib/capacity/figures";

describe("demo seed", () => {
  it("creates the county, its 21 municipalities with the reference figures and one account per role", async () => {
    const result = await seedDemo(db(), { password: "erstes-passwort", today: "2026-11-21" });
    expect(result).toMatchObject({ municipalities: 21, reportsCreated: 21 * (DEMO_HISTORY_WEEKS + 1) });
    const rows = parseCountyCsv(readFileSync("lib/demo/landkreis-musterland.csv", "utf8"));
    for (const row of rows) {
      // The reference figures are the latest report, both by date and by time saved.
      const report = await db().capacityReport.findFirstOrThrow({
        where: { municipality: { name: row.municipality } },
        orderBy: [{ reportingDate: "desc" }, { createdAt: "desc" }],
      });
      const lastSaved = await db().capacityReport.findFirstOrThrow({
        where: { municipality: { name: row.municipality } },
        orderBy: { createdAt: "desc" },
      });
      expect(lastSaved.id).toBe(report.id);
      for (const key of FIGURE_KEYS) expect(report[key], `${row.municipality} ${key}`).toBe(row.figures[key]);
      expect(report.situation).toBe(row.situation);
      expect(dateToDay(report.reportingDate)).toBe("2026-11-21");
    }
    // Weekly history over 12 weeks, unreported figures staying unreported.
    const history = await db().capacityReport.findMany({
      where: { municipality: { name: "Kommune J" } },
      orderBy: { reportingDate: "asc" },
    });
    expect(history.map((report) => dateToDay(report.reportingDate))).toEqual(
      Array.from({ length: DEMO_HISTORY_WEEKS + 1 }, (_, index) => addDays("2026-11-21", -7 * (DEMO_HISTORY_WEEKS - index))),
    );
    expect(history.every((report) => report.arrivals === null && report.comment === "Demo-Daten")).toBe(true);
    expect((await db().county.findFirstOrThrow()).isDemo).toBe(true);
    const users = await db().user.findMany({ include: { municipality: true } });
    expect(users.map((user) => [user.email, user.role]).sort()).toEqual(
      DEMO_ACCOUNTS.map((account) => [account.email, account.role]).sort(),
    );
    expect(users.find((user) => user.role === "CLERK")!.municipality!.name).toBe("Kommune A");
  });

  it("is idempotent and applies a new demo password", async () => {
    const result = await seedDemo(db(), { password: "zweites-passwort", today: "2026-11-22" });
    expect(result.reportsCreated).toBe(0);
    expect(await db().municipality.count()).toBe(21);
    expect(await db().capacityReport.count()).toBe(21 * (DEMO_HISTORY_WEEKS + 1));
    expect(await db().user.count()).toBe(6);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@wohnraum.example" } });
    expect(await verifyPassword("zweites-passwort", admin.passwordHash!)).toBe(true);
  });

  it("spreads the latest reporting dates for npm start, three beyond the interval, keeping the reference figures in effect today", async () => {
    // A fresh county: remove the reports of the first seed so the spread one creates them.
    await db().$executeRawUnsafe('ALTER TABLE capacity_report DISABLE TRIGGER "capacity_report_append_only"');
    await db().capacityReport.deleteMany();
    await db().$executeRawUnsafe('ALTER TABLE capacity_report ENABLE TRIGGER "capacity_report_append_only"');
    await seedDemo(db(), { password: "zweites-passwort", today: "2026-11-22", spreadReportingDates: true });
    const county = await db().county.findFirstOrThrow();
    const [evaluation] = await evaluateAsOf(db(), [county.id], ["2026-11-22"], 7);
    for (const row of evaluation!.rows) {
      expect(row.reportingDate, row.name).toBe(addDays("2026-11-22", -DEMO_REPORT_AGE_DAYS[row.name]!));
    }
    expect(
      evaluation!.rows
        .filter((row) => row.stale)
        .map((row) => row.name)
        .sort(),
    ).toEqual(["Kommune F", "Kommune Q", "Kommune T"]);
    // The figures are still the reference county's: its printed totals (domain.md).
    expect(evaluation!.totals).toMatchObject({ placesNeeded: 716, availableNow: 469, prospective: 654 });
  });
});
