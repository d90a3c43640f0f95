import { describe, expect, it } from "vitest";

describe("/api/health", () => {
  it("answers 200 with the database status", async () => {
    const { GET } = await import("../../app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  });

  it("answers 503 when the database is down", async () => {
    const globals = globalThis as unknown as { prisma?: unknown };
    const { createPrismaClient } = await import("../../lib/db/client");
    const working = globals.prisma;
    globals.prisma = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");
    try {
      const { GET } = await import("../../app/api/health/route");
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "degraded", database: { status: "unreachable" } });
    } finally {
      globals.prisma = working;
    }
  });
});
