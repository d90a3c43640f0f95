import { expect, it } from "vitest";
import { db } from "../../lib/db/client";

// Deliberately failing, against the real database: the self-check expects vitest to exit non-zero.
it("a known failure after a real database round trip", async () => {
  const counties = await db().county.count();
  expect(counties).toBe(-1);
});
