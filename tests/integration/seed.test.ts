import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { addDays, dateToDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { parseCountyCsv } from "../../lib/demo/county-csv";
import { DEMO_ACCOUNTS, DEMO_HISTORY_WEEKS, seedDemo } from "../../lib/demo/seed";
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
    expect(await db().user.count()).toBe(4);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@wohnraum.example" } });
    expect(await verifyPassword("zweites-passwort", admin.passwordHash!)).toBe(true);
  });
});
