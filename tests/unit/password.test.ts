import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, UNKNOWN_USER_HASH, verifyPassword } from "../../lib/auth/password";

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
});
