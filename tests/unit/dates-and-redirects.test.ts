import { describe, expect, it } from "vitest";
import { clientAddress } from "../../lib/auth/credentials";
import { safeRedirectPath } from "../../lib/auth/sign-in-schema";
import { isStale } from "../../lib/capacity/staleness";
import { addDays, berlinDay, daysBetween } from "../../lib/dates";

describe("dates in Europe/Berlin", () => {
  it("takes the German calendar day, not UTC's", () => {
    expect(berlinDay(new Date("2026-11-20T23:30:00Z"))).toBe("2026-11-21");
    expect(berlinDay(new Date("2026-07-20T22:30:00Z"))).toBe("2026-07-21");
  });
  it("counts days across month ends", () => {
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(daysBetween("2026-10-24", "2026-11-21")).toBe(28);
  });
});

describe("staleness", () => {
  it("is stale when older than the interval or missing", () => {
    expect(isStale("2026-11-14", "2026-11-21", 7)).toBe(false);
    expect(isStale("2026-11-13", "2026-11-21", 7)).toBe(true);
    expect(isStale(null, "2026-11-21", 7)).toBe(true);
  });
});

describe("redirect after sign-in", () => {
  it("allows only same-site paths", () => {
    expect(safeRedirectPath("/lage?stand=2026-11-01")).toBe("/lage?stand=2026-11-01");
    expect(safeRedirectPath("https://evil.example/")).toBe("/uebersicht");
    expect(safeRedirectPath("//evil.example/")).toBe("/uebersicht");
    expect(safeRedirectPath("/\\evil.example")).toBe("/uebersicht");
    expect(safeRedirectPath(undefined)).toBe("/uebersicht");
    expect(safeRedirectPath("/\t/evil.example")).toBe("/uebersicht");
    expect(safeRedirectPath("/\n/evil.example")).toBe("/uebersicht");
    expect(safeRedirectPath("/kommunen/kommune-a#verlauf")).toBe("/kommunen/kommune-a#verlauf");
  });
});

describe("client address", () => {
  it("takes the entry our proxy appended, not what the client claims", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-real-ip": "10.0.0.8" }))).toBe("10.0.0.8");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
