import { beforeAll, describe, expect, it } from "vitest";
import { evaluateCountiesAsOf, loadCountyEvaluation, loadReportForm, loadReportHistory } from "../../lib/capacity/queries";
import { submitCapacityReport } from "../../lib/capacity/submit";
import { berlinDay, addDays } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { SEED_DAY, seedDemoCounty } from "../support/fixtures";

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

const today = berlinDay();
const figuresOfKommuneA = {
  allocations: 88,
  arrivals: 88,
  notCredited: 0,
  possiblyCredited: 2,
  quotaOutstanding: 41,
  housedShared: 0,
  housedDecentral: 88,
  availableShared: 0,
  availableDecentral: 18,
  prospectiveShared: 0,
  prospectiveDecentral: 19,
};

describe("submitting a report", () => {
  it("opens prefilled with the latest report and saves a new row on top of it", async () => {
    const form = (await loadReportForm(demo.clerkA, "kommune-a"))!;
    expect(form.prefill!.figures).toMatchObject(figuresOfKommuneA);
    const before = await db().capacityReport.count({ where: { municipality: { slug: "kommune-a" } } });
    const result = await submitCapacityReport(demo.clerkA, "kommune-a", {
      ...figuresOfKommuneA,
      availableDecentral: 20,
      reportingDate: today,
      situation: "CRITICAL",
      baseReportId: form.baseReportId,
    });
    expect(result.status).toBe("saved");
    expect(await db().capacityReport.count({ where: { municipality: { slug: "kommune-a" } } })).toBe(before + 1);
  });

  it("a clerk cannot open another municipality's form", async () => {
    expect(await loadReportForm(demo.clerkA, "kommune-b")).toBeNull();
    expect(await loadReportForm(demo.press, "kommune-a")).toBeNull();
    expect(await loadReportForm(demo.coordinator, "kommune-b")).not.toBeNull();
  });

  it("returns the warnings instead of saving until each is confirmed with an explanation", async () => {
    const form = (await loadReportForm(demo.coordinator, "kommune-b"))!;
    const input = {
      ...form.prefill!.figures,
      arrivals: 80,
      reportingDate: today,
      situation: "SUFFICIENT",
      baseReportId: form.baseReportId,
    };
    const before = await db().capacityReport.count();

    const first = await submitCapacityReport(demo.coordinator, "kommune-b", input);
    expect(first.status).toBe("warnings");
    const codes = first.status === "warnings" ? first.warnings.map((warning) => warning.code) : [];
    expect(codes).toEqual(["ARRIVALS_ABOVE_ALLOCATIONS", "CHANGED_BY_HALF:arrivals"]);

    expect((await submitCapacityReport(demo.coordinator, "kommune-b", { ...input, confirmedWarnings: codes })).status).toBe("warnings"); // no explanation
    expect(
      (await submitCapacityReport(demo.coordinator, "kommune-b", { ...input, confirmedWarnings: codes.slice(1), warningNote: "x" })).status,
    ).toBe("warnings");
    expect(await db().capacityReport.count()).toBe(before);

    const saved = await submitCapacityReport(demo.coordinator, "kommune-b", {
      ...input,
      confirmedWarnings: codes,
      warningNote: "Nachmeldung des Landes",
    });
    expect(saved.status).toBe("saved");
    const row = await db().capacityReport.findFirstOrThrow({ where: { id: saved.status === "saved" ? saved.reportId : "" } });
    expect(row).toMatchObject({ confirmedWarnings: codes, warningNote: "Nachmeldung des Landes", authorId: demo.coordinator.id });
  });

  it("refuses to overwrite a report saved after the form was opened, and shows the newer one", async () => {
    const opened = (await loadReportForm(demo.clerkA, "kommune-a"))!;
    const other = await submitCapacityReport(demo.coordinator, "kommune-a", {
      ...opened.prefill!.figures,
      reportingDate: today,
      situation: "CRITICAL",
      baseReportId: opened.baseReportId,
      comment: "vom Kreis",
    });
    expect(other.status).toBe("saved");
    const mine = await submitCapacityReport(demo.clerkA, "kommune-a", {
      ...opened.prefill!.figures,
      availableShared: 3,
      reportingDate: today,
      situation: "CRITICAL",
      baseReportId: opened.baseReportId,
    });
    expect(mine.status).toBe("conflict");
    if (mine.status === "conflict") {
      expect(mine.newer).toMatchObject({ comment: "vom Kreis", authorName: "Kim Koordination" });
      expect(mine.newer.id).toBe(other.status === "saved" ? other.reportId : "");
    }
  });

  it("of concurrent submissions on the same base exactly one wins", async () => {
    const opened = (await loadReportForm(demo.coordinator, "kommune-c"))!;
    const before = await db().capacityReport.count({ where: { municipality: { slug: "kommune-c" } } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        submitCapacityReport(demo.coordinator, "kommune-c", {
          ...opened.prefill!.figures,
          availableDecentral: index,
          reportingDate: today,
          situation: "CRITICAL",
          baseReportId: opened.baseReportId,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "saved")).toHaveLength(1);
    expect(results.filter((result) => result.status === "conflict")).toHaveLength(7);
    expect(await db().capacityReport.count({ where: { municipality: { slug: "kommune-c" } } })).toBe(before + 1);
  });

  it("a correction for an earlier date supersedes that date's row in the evaluation; the history keeps both", async () => {
    const yesterday = addDays(today, -5);
    const first = await loadReportForm(demo.coordinator, "kommune-e");
    const base = first!.prefill!.figures;
    const early = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...base,
      quotaOutstanding: 13,
      reportingDate: addDays(today, -6),
      situation: "SUFFICIENT",
      baseReportId: first!.baseReportId,
    });
    expect(early.status).toBe("saved");
    const original = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...base,
      quotaOutstanding: 14,
      reportingDate: yesterday,
      situation: "SUFFICIENT",
      baseReportId: early.status === "saved" ? early.reportId : null,
    });
    const correction = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...base,
      quotaOutstanding: 15,
      reportingDate: yesterday,
      situation: "SUFFICIENT",
      baseReportId: original.status === "saved" ? original.reportId : null,
    });
    expect(correction.status).toBe("saved");

    const [asOfYesterday] = await evaluateCountiesAsOf([demo.countyId], [yesterday], 7);
    expect(asOfYesterday!.rows.find((row) => row.slug === "kommune-e")!.figures.quotaOutstanding).toBe(15);
    const history = await loadReportHistory(
      demo.coordinator,
      (await db().municipality.findFirstOrThrow({ where: { slug: "kommune-e" } })).id,
    );
    const ofYesterday = history.filter((report) => report.reportingDate === yesterday);
    expect(ofYesterday.map((report) => [report.figures.quotaOutstanding, report.superseded])).toEqual([
      [15, false],
      [14, true],
    ]);
  });

  it("the evaluation as of a past date takes each municipality's latest report on or before it", async () => {
    const asOfToday = (await loadCountyEvaluation(demo.press, today))!;
    expect(asOfToday.rows).toHaveLength(21);
    const [before] = await evaluateCountiesAsOf([demo.countyId], [addDays(SEED_DAY, -1)], 7);
    // The day before the reference reports: the demo history's last week (or a later correction).
    expect(before!.rows.every((row) => row.reportingDate! < SEED_DAY)).toBe(true);
    const kommuneR = before!.rows.find((row) => row.slug === "kommune-r")!;
    expect(kommuneR.reportingDate).toBe(addDays(SEED_DAY, -7));
    expect(asOfToday.rows.find((row) => row.slug === "kommune-r")!.figures.quotaOutstanding).toBe(196);
  });
});

describe("who may report, as the pages ask it", () => {
  it("a clerk may report for its own municipality only", async () => {
    const [a, b] = await Promise.all(["kommune-a", "kommune-b"].map((slug) => db().municipality.findFirstOrThrow({ where: { slug } })));
    const { mayReportFor } = await import("../../lib/capacity/queries");
    expect(await mayReportFor(demo.clerkA, a!.id)).toBe(true);
    expect(await mayReportFor(demo.clerkA, b!.id)).toBe(false);
    expect(await mayReportFor(demo.coordinator, b!.id)).toBe(true);
    expect(await mayReportFor(demo.press, a!.id)).toBe(false);
  });
});

describe("what a saved report reads back as", () => {
  it("a blank figure saved is read back as blank (not reported), not as 0, in the form, the history and the evaluation", async () => {
    const form = (await loadReportForm(demo.coordinator, "kommune-f"))!;
    const { possiblyCredited: _dropped, ...withoutPossiblyCredited } = form.prefill!.figures;
    const saved = await submitCapacityReport(demo.coordinator, "kommune-f", {
      ...withoutPossiblyCredited,
      notCredited: "",
      reportingDate: today,
      situation: "CRITICAL",
      baseReportId: form.baseReportId,
    });
    expect(saved.status).toBe("saved");
    const row = await db().capacityReport.findFirstOrThrow({ where: { id: saved.status === "saved" ? saved.reportId : "" } });
    expect(row.notCredited).toBeNull();
    expect(row.possiblyCredited).toBeNull();

    const reopened = (await loadReportForm(demo.coordinator, "kommune-f"))!;
    expect(reopened.prefill!.figures.notCredited).toBeNull();
    expect(reopened.prefill!.figures.possiblyCredited).toBeNull();
    const municipality = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-f" } });
    const [latest] = await loadReportHistory(demo.coordinator, municipality.id);
    expect(latest!.figures.notCredited).toBeNull();
    const evaluation = (await loadCountyEvaluation(demo.coordinator, today))!;
    expect(evaluation.rows.find((entry) => entry.slug === "kommune-f")!.figures.notCredited).toBeNull();
  });

  it("a coordinator's report for a municipality is stored with the coordinator as author and role", async () => {
    const form = (await loadReportForm(demo.coordinator, "kommune-g"))!;
    const saved = await submitCapacityReport(demo.coordinator, "kommune-g", {
      ...form.prefill!.figures,
      reportingDate: today,
      situation: form.prefill!.situation ?? "SUFFICIENT",
      baseReportId: form.baseReportId,
    });
    expect(saved.status).toBe("saved");
    const row = await db().capacityReport.findFirstOrThrow({ where: { id: saved.status === "saved" ? saved.reportId : "" } });
    expect(row).toMatchObject({ authorId: demo.coordinator.id, authorRole: "COORDINATOR" });
    const municipality = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-g" } });
    const [latest] = await loadReportHistory(demo.coordinator, municipality.id);
    expect(latest).toMatchObject({ authorName: "Kim Koordination", authorRole: "COORDINATOR" });

    // A clerk's own report is stored as the clerk's.
    const clerkForm = (await loadReportForm(demo.clerkA, "kommune-a"))!;
    const own = await submitCapacityReport(demo.clerkA, "kommune-a", {
      ...clerkForm.prefill!.figures,
      reportingDate: today,
      situation: clerkForm.prefill!.situation ?? "CRITICAL",
      baseReportId: clerkForm.baseReportId,
    });
    const ownRow = await db().capacityReport.findFirstOrThrow({ where: { id: own.status === "saved" ? own.reportId : "" } });
    expect(ownRow.authorRole).toBe("CLERK");
  });
});
