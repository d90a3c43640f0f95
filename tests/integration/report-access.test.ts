import { beforeAll, describe, expect, it } from "vitest";
import { submitCapacityReport } from "../../lib/capacity/submit";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { seedDemoCounty } from "../support/fixtures";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

const report = {
  reportingDate: "2026-11-19",
  allocations: 90,
  arrivals: 88,
  quotaOutstanding: 40,
  availableDecentral: 20,
  situation: "SUFFICIENT",
};

/** Submits on top of the latest saved report, confirming any plausibility warning. */
async function createCapacityReport(actor: Parameters<typeof submitCapacityReport>[0], slug: string, input: Record<string, unknown>) {
  const latest = await db().capacityReport.findFirst({ where: { municipality: { slug } }, orderBy: { createdAt: "desc" } });
  const result = await submitCapacityReport(actor, slug, {
    confirmedWarnings: [
      "ARRIVALS_ABOVE_ALLOCATIONS",
      "HOUSED_ABOVE_ARRIVALS",
      "RATING_CONTRADICTS_SHORTFALL",
      ...[
        "allocations",
        "arrivals",
        "quotaOutstanding",
        "availableDecentral",
        "availableShared",
        "prospectiveShared",
        "prospectiveDecentral",
        "housedShared",
        "housedDecentral",
        "notCredited",
        "possiblyCredited",
      ].map((key) => `CHANGED_BY_HALF:${key}`),
    ],
    warningNote: "geprüft",
    baseReportId: latest?.id ?? null,
    ...input,
  });
  if (result.status !== "saved") throw new Error(`not saved: ${JSON.stringify(result)}`);
  return db().capacityReport.findUniqueOrThrow({ where: { id: result.reportId } });
}

async function counts() {
  return { reports: await db().capacityReport.count(), audits: await db().auditEvent.count() };
}

async function expectRefused(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("who may write a municipality's figures", () => {
  it("a clerk writes for its own municipality, with an audit event", async () => {
    const before = await counts();
    const created = await createCapacityReport(demo.clerkA, "kommune-a", report);
    expect(created.authorId).toBe(demo.clerkA.id);
    expect(created.allocations).toBe(90);
    expect(created.housedShared).toBeNull();
    expect(await counts()).toEqual({ reports: before.reports + 1, audits: before.audits + 1 });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: created.id } });
    expect(audit).toMatchObject({ action: "report.create", actorId: demo.clerkA.id });
  });

  it("a clerk of Kommune A is refused for Kommune B and nothing is written", async () => {
    const before = await counts();
    await expectRefused(createCapacityReport(demo.clerkA, "kommune-b", report), "FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("the municipality comes from the server, not from ids smuggled into the input", async () => {
    const kommuneB = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-b" } });
    const created = await createCapacityReport(demo.clerkA, "kommune-a", {
      ...report,
      municipalityId: kommuneB.id,
      authorId: demo.admin.id,
    });
    const kommuneA = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-a" } });
    expect(created.municipalityId).toBe(kommuneA.id);
    expect(created.authorId).toBe(demo.clerkA.id);
  });

  it("press and admin may not write figures", async () => {
    const before = await counts();
    await expectRefused(createCapacityReport(demo.press, "kommune-a", report), "FORBIDDEN");
    await expectRefused(createCapacityReport(demo.admin, "kommune-a", report), "FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("a coordinator writes for any municipality of its county, recorded as its author", async () => {
    const created = await createCapacityReport(demo.coordinator, "kommune-m", report);
    expect(created.authorId).toBe(demo.coordinator.id);
  });

  it("nobody writes into another county", async () => {
    const other = await db().county.create({ data: { name: "Landkreis Anderswo", slug: "anderswo" } });
    await db().municipality.create({ data: { countyId: other.id, name: "Fremdstadt", slug: "fremdstadt" } });
    const before = await counts();
    await expectRefused(createCapacityReport(demo.coordinator, "fremdstadt", report), "NOT_FOUND");
    expect(await counts()).toEqual(before);
  });

  it("hostile or broken input gets field errors and stores nothing", async () => {
    const before = await counts();
    const error = await createCapacityReport(demo.clerkA, "kommune-a", {
      ...report,
      allocations: "1e9",
      arrivals: -3,
      comment: "<script>alert(1)</script>".repeat(200),
      reportingDate: "'; DROP TABLE capacity_report; --",
    }).catch((caught: AppError) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect(Object.keys((error as AppError).fieldErrors!)).toEqual(
      expect.arrayContaining(["allocations", "arrivals", "comment", "reportingDate"]),
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses a reporting date in the future", async () => {
    await expectRefused(createCapacityReport(demo.clerkA, "kommune-a", { ...report, reportingDate: "2999-01-01" }), "VALIDATION");
  });

  it("the database keeps reports append-only", async () => {
    const row = await db().capacityReport.findFirstOrThrow();
    await expect(db().capacityReport.update({ where: { id: row.id }, data: { allocations: 1 } })).rejects.toThrow(/append-only/);
    await expect(db().capacityReport.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
