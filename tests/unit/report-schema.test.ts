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
});
