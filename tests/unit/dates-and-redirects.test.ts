import { describe, expect, it } from "vitest";
import { clientAddress, resolveClientAddress, stampClientAddress } from "../../lib/http/client-address";
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
  it("keeps same-site paths, normalised", () => {
    expect(safeRedirectPath("/lage?stand=2026-11-01")).toBe("/lage?stand=2026-11-01");
    expect(safeRedirectPath("/kommunen/kommune-a#verlauf")).toBe("/kommunen/kommune-a#verlauf");
    expect(safeRedirectPath("/kommunen/./kommune-a")).toBe("/kommunen/kommune-a");
    expect(safeRedirectPath("/kommunen/x/../kommune-a")).toBe("/kommunen/kommune-a");
    expect(safeRedirectPath("/lage?weiter=//evil.example")).toBe("/lage?weiter=//evil.example");
  });

  // Known open-redirect bypass forms: each must end on the fallback, never on another host.
  const bypasses = [
    "https://evil.example/",
    "http:evil.example",
    "//evil.example/",
    "///evil.example/",
    "/.//evil.example/phish",
    "/..//evil.example",
    "/../..//evil.example",
    "/%2e%2e//evil.example",
    "/%2E%2E//evil.example",
    "/.%2e//evil.example",
    "/%2e//evil.example",
    "/./..//evil.example",
    "/x/..//evil.example",
    "/x/%2e%2e//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/%5c/evil.example".replace("%5c", "\\"),
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u0000/evil.example",
    "\t//evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
  ];
  it.each(bypasses)("refuses %j", (target) => {
    const result = safeRedirectPath(target);
    expect(result).toBe("/uebersicht");
  });

  it("never returns something a browser would read as another host", () => {
    for (const target of [...bypasses, "/%5c/evil.example", "/%2f%2fevil.example", "/%09/evil.example"]) {
      const result = safeRedirectPath(target);
      expect(new URL(result, "https://wohnraum.example").host).toBe("wohnraum.example");
      expect(result.startsWith("//")).toBe(false);
    }
    expect(safeRedirectPath(undefined)).toBe("/uebersicht");
    expect(safeRedirectPath({ toString: () => "//evil.example" })).toBe("/uebersicht");
  });
});

describe("client address", () => {
  it("without a trusted proxy (the default) is the socket's, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("203.0.113.5", "6.6.6.6", 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind n trusted proxies is the n-th X-Forwarded-For entry from the right", () => {
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.9", 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
  });

  it("our server stamps the address and drops what a client claims about itself", () => {
    const request = {
      socket: { remoteAddress: "203.0.113.5" },
      headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", "x-wohnraum-client-address": "6.6.6.6" } as Record<string, string>,
    };
    stampClientAddress(request as never, 0);
    expect(request.headers).toEqual({ "x-wohnraum-client-address": "203.0.113.5" });
    expect(clientAddress(new Headers(request.headers))).toBe("203.0.113.5");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
  });
});
