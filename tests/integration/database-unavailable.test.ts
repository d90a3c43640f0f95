import { describe, expect, it } from "vitest";
import { createPrismaClient, db } from "../../lib/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../../lib/db/unavailable";
import { errorState } from "../../lib/form-errors";
import { errorResponse } from "../../lib/http/responses";
import { freePort } from "../../lib/platform/ports";

// A database that cannot be reached is not an "unexpected error": scripts get 503 with
// Retry-After, forms and pages "try again in a moment". Real errors from a real client.

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("a database that cannot be reached", () => {
  it("is told apart from other database errors", async () => {
    const port = await freePort();
    const away = createPrismaClient(`postgresql://wohnraum:secret-password@127.0.0.1:${port}/wohnraum`);
    const unreachable = await failure(() => away.county.count());
    await away.$disconnect();
    expect(isDatabaseUnavailable(unreachable)).toBe(true);

    // A query error from a healthy database is something else.
    const broken = await failure(() => db().$queryRawUnsafe("SELECT * FROM no_such_table"));
    expect(isDatabaseUnavailable(broken)).toBe(false);
    const duplicate = await failure(async () => {
      await db().county.create({ data: { id: "dup", name: "Doppelt", slug: "doppelt" } });
      await db().county.create({ data: { id: "dup", name: "Doppelt", slug: "doppelt-2" } });
    });
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else"))).toBe(false);
  });

  it("is answered with 503 and Retry-After by the API, and with a German message by forms, without connection details", async () => {
    const port = await freePort();
    const away = createPrismaClient(`postgresql://wohnraum:secret-password@127.0.0.1:${port}/wohnraum`);
    const error = await failure(() => away.county.count());
    await away.$disconnect();
    const logged: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string) => logged.push(String(chunk)) > 0;
    try {
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("5");
      expect(await response.json()).toEqual({ error: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE });
      expect(await errorState(error, { comment: "kept" })).toEqual({
        status: "error",
        message: DATABASE_UNAVAILABLE_MESSAGE,
        values: { comment: "kept" },
      });
    } finally {
      process.stdout.write = original;
    }
    expect(logged.join("\n")).toMatch(/"msg":"database unavailable"/);
    expect(logged.join("\n")).not.toMatch(/secret-password|127\.0\.0\.1|wohnraum@/);
  });
});
