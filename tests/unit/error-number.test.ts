import { afterAll, describe, expect, it } from "vitest";
import { assignedDigest, numberRequestErrors, withRequestErrorNumbers } from "../../lib/http/error-number";
import { serializeError } from "../../lib/log";

// Error pages show an error's digest; within a request it is the request's id (issue 13).
numberRequestErrors();
afterAll(() => {
  delete (Error.prototype as { digest?: unknown }).digest;
});

describe("error numbers", () => {
  it("gives a request's first error the request id and further ones a running number", () => {
    const [first, second, third] = withRequestErrorNumbers("a1b2c3d4e5f6", () => {
      const errors = [new Error("one"), new TypeError("two"), new RangeError("three")];
      return errors.map((error) => (error as { digest?: string }).digest);
    });
    expect([first, second, third]).toEqual(["a1b2c3d4e5f6", "a1b2c3d4e5f6-2", "a1b2c3d4e5f6-3"]);
  });

  it("keeps an error's number once given, also after the request", () => {
    const error = withRequestErrorNumbers("0123456789ab", () => {
      const thrown = new Error("x");
      expect((thrown as { digest?: string }).digest).toBe("0123456789ab");
      expect((thrown as { digest?: string }).digest).toBe("0123456789ab");
      return thrown;
    });
    expect((error as { digest?: string }).digest).toBe("0123456789ab");
  });

  it("numbers errors across awaits of the same request, and not those of another", async () => {
    const [a, b] = await Promise.all([
      withRequestErrorNumbers("aaaaaaaaaaaa", async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return (new Error("a") as { digest?: string }).digest;
      }),
      withRequestErrorNumbers("bbbbbbbbbbbb", async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return (new Error("b") as { digest?: string }).digest;
      }),
    ]);
    expect([a, b]).toEqual(["aaaaaaaaaaaa", "bbbbbbbbbbbb"]);
  });

  it("leaves errors outside a request without a digest, and an own digest wins", () => {
    expect((new Error("job") as { digest?: string }).digest).toBeUndefined();
    const redirect = withRequestErrorNumbers("cccccccccccc", () =>
      Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/x;307;" }),
    );
    expect(redirect.digest).toBe("NEXT_REDIRECT;replace;/x;307;");
    // Next.js assigns a hash when the digest is empty: that stays as assigned.
    const hashed = new Error("y") as { digest?: string };
    hashed.digest = "12345";
    expect(hashed.digest).toBe("12345");
  });

  it("is not assigned by logging an error", () => {
    withRequestErrorNumbers("dddddddddddd", () => {
      const error = new Error("logged");
      expect(serializeError(error).digest).toBeUndefined();
      expect(assignedDigest(error)).toBeUndefined();
      expect((error as { digest?: string }).digest).toBe("dddddddddddd");
      expect(serializeError(error).digest).toBe("dddddddddddd");
    });
  });
});
