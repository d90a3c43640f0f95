import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, PasswordHashingBusy, UNKNOWN_USER_HASH, verifyPassword } from "../../lib/auth/password";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("richtig-und-lang");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("richtig-und-lang", hash)).toBe(true);
    expect(await verifyPassword("falsch-und-lang", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("gleich")).not.toBe(await hashPassword("gleich"));
  });

  it("rejects malformed hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });

  it("never matches the placeholder used for unknown accounts", async () => {
    expect(await verifyPassword("", UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword("password", UNKNOWN_USER_HASH)).toBe(false);
  });

  it("generates readable random passwords", () => {
    const password = generatePassword(14);
    expect(password).toHaveLength(14);
    expect(password).not.toMatch(/[0O1lI]/);
    expect(generatePassword()).not.toBe(generatePassword());
  });

  it("bounds how many hashes run at once: a burst beyond the queue is refused at once, the rest complete", async () => {
    const hash = await hashPassword("richtig-und-lang");
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => verifyPassword("falsch", hash)));
    const busy = results.filter((result) => result.status === "rejected" && result.reason instanceof PasswordHashingBusy);
    const done = results.filter((result) => result.status === "fulfilled");
    // 2 running + 16 waiting; the other 22 are refused without hashing.
    expect(busy.length).toBeGreaterThanOrEqual(22);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(busy.length + done.length).toBe(40);
    // Afterwards the slots are free again.
    expect(await verifyPassword("richtig-und-lang", hash)).toBe(true);
  });

  it("refuses stored hashes with parameters other than ours, instead of allocating for them", async () => {
    expect(await verifyPassword("x", "scrypt$1048576$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")).toBe(
      false,
    );
  });
});
