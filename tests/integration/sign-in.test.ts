import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "../../lib/auth/credentials";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient, db } from "../../lib/db/client";
import { DEMO_PASSWORD, seedDemoCounty } from "../support/fixtures";

beforeAll(() => seedDemoCounty());

const attempt = (email: string, password: string, ipAddress = "192.0.2.1") => verifyCredentials(db(), { email, password, ipAddress });

describe("sign-in with e-mail and password", () => {
  it("accepts the right password, case-insensitively for the e-mail", async () => {
    const result = await attempt(" Presse@Wohnraum.example ", DEMO_PASSWORD);
    expect(result.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: "presse@wohnraum.example" } });
    expect(user.lastSignInAt).toBeInstanceOf(Date);
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    expect(await attempt("presse@wohnraum.example", "falsch", "192.0.2.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("niemand@wohnraum.example", "falsch", "192.0.2.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account with the right password", async () => {
    await db().user.update({ where: { email: "koordination@wohnraum.example" }, data: { active: false } });
    expect(await attempt("koordination@wohnraum.example", DEMO_PASSWORD, "192.0.2.3")).toEqual({ ok: false, reason: "invalid" });
    await db().user.update({ where: { email: "koordination@wohnraum.example" }, data: { active: true } });
  });

  // The documented limits are pinned as literal numbers, not read from the code under test:
  // raising a limit must fail this test.
  it("throttles an account after 5 failures: the 5th is still a wrong password, the 6th is throttled", async () => {
    for (let index = 1; index <= 4; index++) {
      expect(await attempt("admin@wohnraum.example", `falsch-${index}`, "198.51.100.1")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt("admin@wohnraum.example", "falsch-5", "198.51.100.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("admin@wohnraum.example", DEMO_PASSWORD, "198.51.100.1")).toMatchObject({ ok: false, reason: "throttled" });
    // Other accounts are not affected.
    expect((await attempt("kommune-a@wohnraum.example", DEMO_PASSWORD, "198.51.100.201")).ok).toBe(true);
  });

  it("throttles an address after 20 failures across different accounts: the 21st attempt is refused", async () => {
    for (let index = 1; index <= 20; index++) {
      expect(await attempt(`unbekannt-${index}@example.org`, "falsch", "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt("presse@wohnraum.example", DEMO_PASSWORD, "203.0.113.9")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt("presse@wohnraum.example", DEMO_PASSWORD, "203.0.113.10")).ok).toBe(true);
  });

  it("lets an account in again once the window has passed", async () => {
    const email = "kommune-a@wohnraum.example";
    for (let index = 0; index < 5; index++) await attempt(email, "falsch", "192.0.2.50");
    expect(await attempt(email, DEMO_PASSWORD, "192.0.2.50")).toMatchObject({ ok: false, reason: "throttled" });
    // Retrying while throttled does not extend the lock-out.
    expect(await db().rateLimitHit.count({ where: { key: `sign-in:pair:${email}|192.0.2.50` } })).toBe(5);
    const past = new Date(Date.now() - 16 * 60_000); // the window is 15 minutes
    await db().rateLimitHit.updateMany({ where: { key: { contains: email } }, data: { createdAt: past } });
    expect((await attempt(email, DEMO_PASSWORD, "192.0.2.51")).ok).toBe(true);
  });

  it("a burst of parallel guesses from many addresses is slowed: 10 get through, the rest wait, none is recorded twice", async () => {
    const email = "burst@wohnraum.example";
    const county = await db().county.findFirstOrThrow();
    await db().user.create({
      data: { email, name: "Burst", role: "PRESS", countyId: county.id, passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
    // Two Prisma clients stand for two app instances sharing the database.
    const other = createPrismaClient(process.env.DATABASE_URL!);
    try {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          verifyCredentials(index % 2 ? other : db(), { email, password: `falsch-${index}`, ipAddress: `192.0.2.${100 + index}` }),
        ),
      );
      expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(10);
      expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(2);
      expect(await db().rateLimitHit.count({ where: { key: `sign-in:account:${email}` } })).toBe(10);
    } finally {
      await other.$disconnect();
    }
  });

  it("reports the session version, which a password reset raises", async () => {
    const before = await attempt("kommune-a@wohnraum.example", DEMO_PASSWORD, "192.0.2.77");
    expect(before).toMatchObject({ ok: true, sessionVersion: 0 });
    await db().user.update({ where: { email: "kommune-a@wohnraum.example" }, data: { sessionVersion: { increment: 1 } } });
    expect(await attempt("kommune-a@wohnraum.example", DEMO_PASSWORD, "192.0.2.77")).toMatchObject({ ok: true, sessionVersion: 1 });
  });

  it("an attacker elsewhere cannot lock the owner out: 5 failures lock only that address, not the owner's", async () => {
    for (let index = 1; index <= 5; index++) await attempt("presse@wohnraum.example", `geraten-${index}`, "198.51.100.66");
    expect(await attempt("presse@wohnraum.example", DEMO_PASSWORD, "198.51.100.66")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt("presse@wohnraum.example", DEMO_PASSWORD, "192.0.2.200")).toMatchObject({ ok: true });
  });

  it("many addresses against one account slow it down progressively, and the owner gets in after the wait", async () => {
    const email = "langsam@wohnraum.example";
    const county = await db().county.findFirstOrThrow();
    await db().user.create({
      data: { email, name: "Langsam", role: "PRESS", countyId: county.id, passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
    for (let index = 1; index <= 10; index++) {
      expect(await attempt(email, "geraten", `198.18.0.${index}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt(email, DEMO_PASSWORD, "192.0.2.201")).toMatchObject({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await attempt(email, DEMO_PASSWORD, "192.0.2.201")).toMatchObject({ ok: true });
  });

  it("100 parallel attempts from one address never record more than 20 failures, and nothing passes", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => attempt(`parallel-${index}@example.org`, "falsch", "203.0.113.77")),
    );
    expect(results.some((result) => result.ok)).toBe(false);
    const failures = results.filter((result) => !result.ok && result.reason === "invalid").length;
    expect(failures).toBeLessThanOrEqual(20);
    expect(failures).toBeGreaterThan(0);
    expect(await db().rateLimitHit.count({ where: { key: "sign-in:address:203.0.113.77" } })).toBe(failures);
    expect(await db().signInAttempt.count({ where: { ipAddress: "203.0.113.77", succeeded: false, throttled: false } })).toBe(failures);
  });

  it("sign-ins, failures and throttling of known accounts are audit events; the attempt log keeps them 90 days", async () => {
    const admin = await db().user.findUniqueOrThrow({ where: { email: "admin@wohnraum.example" } });
    const actions = (await db().auditEvent.findMany({ where: { subjectId: admin.id } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.sign-in-failed", "auth.sign-in-throttled"]));
    const presse = await db().user.findUniqueOrThrow({ where: { email: "presse@wohnraum.example" } });
    expect(await db().auditEvent.count({ where: { subjectId: presse.id, action: "auth.sign-in" } })).toBeGreaterThan(0);

    const { pruneSignInAttempts } = await import("../../lib/auth/credentials");
    const old = await db().signInAttempt.create({
      data: { email: "alt@example.org", ipAddress: "192.0.2.9", succeeded: false, createdAt: new Date(Date.now() - 91 * 86_400_000) },
    });
    const recent = await db().signInAttempt.create({
      data: { email: "alt@example.org", ipAddress: "192.0.2.9", succeeded: false, createdAt: new Date(Date.now() - 89 * 86_400_000) },
    });
    await pruneSignInAttempts(db(), 90);
    expect(await db().signInAttempt.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().signInAttempt.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
