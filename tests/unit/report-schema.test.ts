import { describe, expect, it } from "vitest";
import { reportInputSchema } from "../../lib/capacity/report-schema";

const base = { reportingDate: "2026-11-20", situation: "SUFFICIENT" };

describe("report input schema", () => {
  it("turns empty fields into 'not reported' (null), keeping 0 as 0", () => {
    const parsed = reportInputSchema.parse({ ...base, allocations: "", arrivals: "0", quotaOutstanding: "-4" });
    expect(parsed.allocations).toBeNull();
    expect(parsed.arrivals).toBe(0);
    expect(parsed.quotaOutstanding).toBe(-4);
    expect(parsed.housedShared).toBeNull();
  });

  it("treats a blank field as not reported, never as 0", () => {
    const parsed = reportInputSchema.parse({ ...base, allocations: "   ", arrivals: " 12 " });
    expect(parsed.allocations).toBeNull();
    expect(parsed.arrivals).toBe(12);
  });

  it("rejects fractions, words and negative counts with a German message", () => {
    const result = reportInputSchema.safeParse({ ...base, allocations: "2.5", arrivals: "viele", housedShared: -1 });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["allocations", "arrivals", "housedShared"]));
    expect(result.error!.issues.find((issue) => issue.path[0] === "housedShared")!.message).toContain("nicht negativ");
  });

  it("rejects absurdly large figures", () => {
    expect(reportInputSchema.safeParse({ ...base, allocations: 200_000 }).success).toBe(false);
    expect(reportInputSchema.safeParse({ ...base, quotaOutstanding: -200_000 }).success).toBe(false);
  });

  it("requires a valid date and a known rating", () => {
    expect(reportInputSchema.safeParse({ ...base, reportingDate: "20.11.2026" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ ...base, situation: "gut" }).success).toBe(false);
    expect(reportInputSchema.parse({ ...base, situation: "" }).situation).toBeNull();
  });

  it("limits the comment", () => {
    expect(reportInputSchema.safeParse({ ...base, comment: "x".repeat(2001) }).success).toBe(false);
    expect(reportInputSchema.parse({ ...base, comment: "  " }).comment).toBeNull();
  });

  it("reads numbers as people type them, digits only: German thousands separators and spaces", () => {
    const parsed = reportInputSchema.parse({ ...base, allocations: "1.200", arrivals: " 1.200 ", housedShared: "12" });
    expect([parsed.allocations, parsed.arrivals, parsed.housedShared]).toEqual([1200, 1200, 12]);
  });

  it.each(["0x10", "1e3", "1,5", "12abc", "1.20", "1..200", "+5", "Infinity", "0b11", "١٢"])(
    "refuses %j as a figure, with a message at the field",
    (typed) => {
      const result = reportInputSchema.safeParse({ ...base, allocations: typed });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["allocations"]);
      expect(result.error!.issues[0]!.message).toMatch(/ganze Zahl/);
    },
  );

  it("refuses objects, arrays and booleans where a figure belongs", () => {
    for (const value of [{ gt: 0 }, [1], true]) expect(reportInputSchema.safeParse({ ...base, allocations: value }).success).toBe(false);
  });

  it("refuses control characters in text, keeps line breaks", () => {
    const nul = reportInputSchema.safeParse({ ...base, comment: "a\u0000b" });
    expect(nul.success).toBe(false);
    expect(nul.error!.issues[0]!.path).toEqual(["comment"]);
    expect(nul.error!.issues[0]!.message).toMatch(/Steuerzeichen/);
    expect(reportInputSchema.safeParse({ ...base, warningNote: "x\u001by" }).success).toBe(false);
    expect(reportInputSchema.parse({ ...base, comment: "Zeile 1\nZeile 2" }).comment).toBe("Zeile 1\nZeile 2");
  });

  it("refuses reporting dates before 2000 and impossible dates", () => {
    for (const reportingDate of ["0001-01-01", "1999-12-31", "0000-01-01", "2026-02-30"]) {
      const result = reportInputSchema.safeParse({ ...base, reportingDate });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["reportingDate"]);
    }
    expect(reportInputSchema.safeParse({ ...base, reportingDate: "2000-01-01" }).success).toBe(true);
  });
});
