import { beforeAll, describe, expect, it } from "vitest";
import {
  countReports,
  HISTORY_PAGE_SIZE,
  latestSavedReportId,
  loadCountyEvaluation,
  loadWeeklyTrend,
  loadReportForm,
  loadReportHistory,
  loadUnchangedOption,
} from "../../lib/capacity/queries";
import { submitCapacityReport } from "../../lib/capacity/submit";
import { confirmUnchangedReport } from "../../lib/capacity/unchanged";
import { addDays, berlinDay } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { seedDemoCounty } from "../support/fixtures";

// The clerk's weekly report in seconds: "Unverändert melden", no warning asked twice for the
// same values, and a history that stays light however many reports pile up.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;
beforeAll(async () => {
  demo = await seedDemoCounty();
});

const today = berlinDay();
const municipalityId = async (slug: string) => (await db().municipality.findFirstOrThrow({ where: { slug } })).id;
const reportsOf = async (slug: string) => db().capacityReport.count({ where: { municipality: { slug } } });

describe("Unverändert melden", () => {
  it("records today's report with the previous figures, marked, and counts it like any report", async () => {
    // Kommune C's reference figures raise no warning. A week from now its report of yesterday
    // will be stale; today's confirmation keeps it current, as any report would.
    const id = await municipalityId("kommune-c");
    const [before] = await loadReportHistory(demo.coordinator, id);
    const inAWeek = addDays(today, 7);
    const rateBefore = (await loadCountyEvaluation(demo.coordinator, inAWeek))!.reporting.withinInterval;
    expect((await loadCountyEvaluation(demo.coordinator, inAWeek))!.rows.find((row) => row.slug === "kommune-c")!.stale).toBe(true);

    const saved = await confirmUnchangedReport(demo.coordinator, "kommune-c", {
      baseReportId: await latestSavedReportId(demo.coordinator, id),
    });
    expect(saved.status).toBe("saved");
    const row = await db().capacityReport.findFirstOrThrow({ where: { id: saved.status === "saved" ? saved.reportId : "" } });
    expect(row).toMatchObject({ unchanged: true, authorId: demo.coordinator.id, authorRole: "COORDINATOR", comment: null });
    expect(row.reportingDate.toISOString().slice(0, 10)).toBe(today);
    const [newest] = await loadReportHistory(demo.coordinator, id, { page: 1 });
    expect(newest).toMatchObject({
      id: row.id,
      unchanged: true,
      superseded: false,
      figures: before!.figures,
      situation: before!.situation,
    });

    const later = (await loadCountyEvaluation(demo.coordinator, inAWeek))!;
    expect(later.rows.find((candidate) => candidate.slug === "kommune-c")).toMatchObject({ reportingDate: today, stale: false });
    expect(later.reporting.withinInterval).toBe(rateBefore + 1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: row.id } });
    expect(audit.after).toMatchObject({ unchanged: true, municipality: "kommune-c" });
  });

  it("confirms once a day: a second click says so and stores nothing", async () => {
    const id = await municipalityId("kommune-c");
    const before = await reportsOf("kommune-c");
    await expect(
      confirmUnchangedReport(demo.coordinator, "kommune-c", { baseReportId: await latestSavedReportId(demo.coordinator, id) }),
    ).rejects.toThrow(/heute liegt bereits/);
    expect(await reportsOf("kommune-c")).toBe(before);
  });

  it("refuses when someone saved after the page was opened, and shows what they saved", async () => {
    const id = await municipalityId("kommune-g");
    const seen = await latestSavedReportId(demo.coordinator, id);
    const form = (await loadReportForm(demo.coordinator, "kommune-g"))!;
    const other = await submitCapacityReport(demo.coordinator, "kommune-g", {
      ...form.prefill!.figures,
      reportingDate: addDays(today, -2),
      situation: form.prefill!.situation ?? "",
      baseReportId: seen,
    });
    expect(other.status).toBe("saved");
    const before = await reportsOf("kommune-g");
    const result = await confirmUnchangedReport(demo.coordinator, "kommune-g", { baseReportId: seen });
    expect(result).toMatchObject({ status: "conflict", newer: { id: other.status === "saved" ? other.reportId : "" } });
    expect(await reportsOf("kommune-g")).toBe(before);
  });

  it("of two simultaneous clicks exactly one is recorded", async () => {
    const id = await municipalityId("kommune-h");
    const base = await latestSavedReportId(demo.coordinator, id);
    const before = await reportsOf("kommune-h");
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => confirmUnchangedReport(demo.coordinator, "kommune-h", { baseReportId: base })),
    );
    expect(results.filter((result) => result.status === "fulfilled" && result.value.status === "saved")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(AppError);
      else if (result.value.status !== "saved") expect(result.value.status).toBe("conflict");
    }
    expect(await reportsOf("kommune-h")).toBe(before + 1);
  });

  it("is refused to a clerk of another municipality, to the press office, and for a municipality of another county", async () => {
    const idB = await municipalityId("kommune-b");
    const base = await latestSavedReportId(demo.coordinator, idB);
    await expect(confirmUnchangedReport(demo.clerkA, "kommune-b", { baseReportId: base })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmUnchangedReport(demo.press, "kommune-b", { baseReportId: base })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmUnchangedReport(demo.coordinator, "keine-kommune", { baseReportId: base })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(confirmUnchangedReport(demo.coordinator, { slug: "kommune-b" }, { baseReportId: base })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(confirmUnchangedReport(demo.coordinator, "kommune-b", { baseReportId: "x'; DROP TABLE" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("sends the clerk to the form while the figures raise a warning nobody confirmed, and works once it is confirmed", async () => {
    // Kommune A's reference report rates "kritisch"/"ausreichend" against its figures: a contradiction.
    const id = await municipalityId("kommune-a");
    const form = (await loadReportForm(demo.clerkA, "kommune-a"))!;
    const warnings = await confirmUnchangedReport(demo.clerkA, "kommune-a", { baseReportId: form.baseReportId });
    expect(warnings.status).toBe("warnings");
    const codes = warnings.status === "warnings" ? warnings.warnings.map((warning) => warning.code) : [];
    expect(codes.length).toBeGreaterThan(0);
    // The page knows it beforehand and offers the form instead of the button.
    expect((await loadUnchangedOption(demo.clerkA, id, today))!.pendingWarnings.map((warning) => warning.code)).toEqual(codes);
    expect(await loadUnchangedOption(demo.press, id, today)).toBeNull();

    const confirmedDay = addDays(today, -1);
    const saved = await submitCapacityReport(demo.clerkA, "kommune-a", {
      ...form.prefill!.figures,
      reportingDate: confirmedDay,
      situation: form.prefill!.situation ?? "",
      baseReportId: form.baseReportId,
      confirmedWarnings: codes,
      warningNote: "Die Lage ist trotz der Zahlen ausreichend: Zusagen liegen vor.",
    });
    expect(saved.status).toBe("saved");
    const unchanged = await confirmUnchangedReport(demo.clerkA, "kommune-a", { baseReportId: await latestSavedReportId(demo.clerkA, id) });
    expect(unchanged.status).toBe("saved");
    expect((await loadUnchangedOption(demo.clerkA, id, today))!.pendingWarnings).toEqual([]);
    const row = await db().capacityReport.findFirstOrThrow({ where: { id: unchanged.status === "saved" ? unchanged.reportId : "" } });
    // The confirmation and its reason travel with the unchanged values to the next report.
    expect(row).toMatchObject({ confirmedWarnings: codes, warningNote: "Die Lage ist trotz der Zahlen ausreichend: Zusagen liegen vor." });
  });
});

describe("a confirmed warning is not asked again for the same values", () => {
  const figures = {
    allocations: 50,
    arrivals: 60,
    notCredited: 0,
    possiblyCredited: 0,
    quotaOutstanding: 10,
    housedShared: 0,
    housedDecentral: 60,
    availableShared: 0,
    availableDecentral: 5,
    prospectiveShared: 0,
    prospectiveDecentral: 0,
  };

  it("raises it, then carries the confirmation while the values stay, and raises it again when one changes", async () => {
    const id = await municipalityId("kommune-e");
    const base = await latestSavedReportId(demo.coordinator, id);
    // First time: arrivals above allocations (and the rating contradicts the 5 missing places).
    const input = { ...figures, reportingDate: today, situation: "SUFFICIENT", baseReportId: base };
    const first = await submitCapacityReport(demo.coordinator, "kommune-e", input);
    expect(first.status).toBe("warnings");
    const codes = first.status === "warnings" ? first.warnings.map((warning) => warning.code) : [];
    expect(codes).toEqual(expect.arrayContaining(["ARRIVALS_ABOVE_ALLOCATIONS", "RATING_CONTRADICTS_SHORTFALL"]));
    const saved = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...input,
      confirmedWarnings: codes,
      warningNote: "Nachzügler des Landes",
    });
    expect(saved.status).toBe("saved");

    // The next report with the same values and another comment: saved without ticking anything.
    const again = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...input,
      reportingDate: today,
      comment: "keine Änderung",
      baseReportId: await latestSavedReportId(demo.coordinator, id),
    });
    expect(again.status).toBe("saved");
    const row = await db().capacityReport.findFirstOrThrow({ where: { id: again.status === "saved" ? again.reportId : "" } });
    // Still true of these values; the changes against the previous report are gone with the change.
    expect(row.confirmedWarnings.sort()).toEqual(["ARRIVALS_ABOVE_ALLOCATIONS", "RATING_CONTRADICTS_SHORTFALL"]);
    expect(row.warningNote).toBe("Nachzügler des Landes");

    // One value the contradiction depends on changes (5 → 3 places): that warning comes back, the other stays settled.
    const changed = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...input,
      availableDecentral: 3,
      reportingDate: today,
      baseReportId: await latestSavedReportId(demo.coordinator, id),
    });
    expect(changed).toMatchObject({ status: "warnings", warnings: [{ code: "RATING_CONTRADICTS_SHORTFALL" }] });

    // So does a warning when the figure it is about changes (arrivals 60 → 61).
    const moreArrivals = await submitCapacityReport(demo.coordinator, "kommune-e", {
      ...input,
      arrivals: 61,
      reportingDate: today,
      baseReportId: await latestSavedReportId(demo.coordinator, id),
    });
    expect(moreArrivals.status).toBe("warnings");
    expect(moreArrivals.status === "warnings" && moreArrivals.warnings.map((warning) => warning.code)).toContain(
      "ARRIVALS_ABOVE_ALLOCATIONS",
    );
  });
});

describe("the history, one page at a time", () => {
  it("pages newest first, marks a correction even when the correcting save is on an earlier page, and the trend keeps one report per week", async () => {
    const id = await municipalityId("kommune-f");
    const form = (await loadReportForm(demo.coordinator, "kommune-f"))!;
    // A date of the seed's weekly history (SEED_DAY − 42), so it is the only date of its week.
    const day = addDays(today, -43);
    // HISTORY_PAGE_SIZE + 1 saves for one date: the last counts, the first lands on page 2.
    let base = form.baseReportId;
    const ids: string[] = [];
    for (let index = 0; index <= HISTORY_PAGE_SIZE; index++) {
      const result = await submitCapacityReport(demo.coordinator, "kommune-f", {
        ...form.prefill!.figures,
        quotaOutstanding: 100 + index,
        reportingDate: day,
        situation: "",
        baseReportId: base,
        confirmedWarnings: ["CHANGED_BY_HALF:quotaOutstanding", "HOUSED_ABOVE_ARRIVALS", "ARRIVALS_ABOVE_ALLOCATIONS"],
        warningNote: "Test",
      });
      expect(result.status).toBe("saved");
      base = result.status === "saved" ? result.reportId : null;
      ids.push(base!);
    }
    const total = await countReports(demo.coordinator, id);
    const pages = Math.ceil(total / HISTORY_PAGE_SIZE);
    const all = (
      await Promise.all(Array.from({ length: pages }, (_, index) => loadReportHistory(demo.coordinator, id, { page: index + 1 })))
    ).flat();
    expect(all).toHaveLength(total);
    expect(all.map((entry) => entry.reportingDate)).toEqual([...all.map((entry) => entry.reportingDate)].sort().reverse());
    const ofDay = all.filter((entry) => entry.reportingDate === day);
    expect(ofDay.filter((entry) => !entry.superseded).map((entry) => entry.id)).toEqual([ids.at(-1)]);
    expect(ofDay.find((entry) => entry.id === ids[0])!.superseded).toBe(true);

    const effective = await loadWeeklyTrend(demo.coordinator, id);
    const weekOf = (reportingDate: string) => {
      const date = new Date(`${reportingDate}T00:00:00Z`);
      return addDays(reportingDate, -((date.getUTCDay() + 6) % 7));
    };
    expect(new Set(effective.map((report) => weekOf(report.reportingDate))).size).toBe(effective.length);
    // The last point is the report in effect today, as the county evaluation has it.
    const inEffect = (await loadCountyEvaluation(demo.coordinator, today))!.rows.find((row) => row.slug === "kommune-f")!;
    expect(effective.at(-1)!.id).toBe(inEffect.reportId);
    expect(effective.find((report) => report.reportingDate === day)!.figures.quotaOutstanding).toBe(100 + HISTORY_PAGE_SIZE);
    expect(effective.map((report) => report.reportingDate)).toEqual([...effective.map((report) => report.reportingDate)].sort());
  });

  it("gives nothing to an actor of another county", async () => {
    const id = await municipalityId("kommune-f");
    const stranger = { ...demo.coordinator, countyId: "another-county" };
    expect(await loadWeeklyTrend(stranger, id)).toEqual([]);
    expect(await loadReportHistory(stranger, id, { page: 1 })).toEqual([]);
    expect(await countReports(stranger, id)).toBe(0);
    expect(await latestSavedReportId(stranger, id)).toBeNull();
  });
});
