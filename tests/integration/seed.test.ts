import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { dateToDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { parseCountyCsv } from "../../lib/demo/county-csv";
import { DEMO_ACCOUNTS, seedDemo } from "../../lib/demo/seed";
import { FIGURE_KEYS } from "../../lib/capacity/figures";

describe("demo seed", () => {
  it("creates the county, its 21 municipalities with the reference figures and one account per role", async () => {
    const result = await seedDemo(db(), { password: "erstes-passwort", today: "2026-11-21" });
    expect(result).toMatchObject({ municipalities: 21, reportsCreated: 21 });
    const rows = parseCountyCsv(readFileSync("lib/demo/landkreis-musterland.csv", "utf8"));
    for (const row of rows) {
      const report = await db().capacityReport.findFirstOrThrow({ where: { municipality: { name: row.municipality } } });
      for (const key of FIGURE_KEYS) expect(report[key], `${row.municipality} ${key}`).toBe(row.figures[key]);
      expect(report.situation).toBe(row.situation);
      expect(dateToDay(report.reportingDate)).toBe("2026-11-21");
    }
    const users = await db().user.findMany({ include: { municipality: true } });
    expect(users.map((user) => [user.email, user.role]).sort()).toEqual(DEMO_ACCOUNTS.map((account) => [account.email, account.role]).sort());
    expect(users.find((user) => user.role === "CLERK")!.municipality!.name).toBe("Kommune A");
  });

  it("is idempotent and applies a new demo password", async () => {
    const result = await seedDemo(db(), { password: "zweites-passwort", today: "2026-11-22" });
    expect(result.reportsCreated).toBe(0);
    expect(await db().municipality.count()).toBe(21);
    expect(await db().capacityReport.count()).toBe(21);
    expect(await db().user.count()).toBe(4);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@wohnraum.example" } });
    expect(await verifyPassword("zweites-passwort", admin.passwordHash!)).toBe(true);
  });
});
