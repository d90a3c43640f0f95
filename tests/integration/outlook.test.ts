import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { type MunicipalityOutlook } from "../../lib/capacity/outlook";
import { countyOutlookSentence, outlookNowText, outlookWithProspectText, TOO_FEW_REPORTS } from "../../lib/capacity/outlook-text";
import { loadAllocationReports } from "../../lib/capacity/outlook-data";
import { loadCountyEvaluation, loadMunicipalityOutlook } from "../../lib/capacity/queries";
import { addDays, dayToDate } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { EVALUATION_COLUMNS, headingOf } from "../../lib/exports/columns";
import { lageCsv } from "../../lib/exports/csv";
import { loadLageExport, type LageExport } from "../../lib/exports/lage-data";
import { pressSummary } from "../../lib/exports/summary";
import { writeLageWorkbook } from "../../lib/exports/xlsx";
import { AppError } from "../../lib/errors";
import { updateOutlookSettings } from "../../lib/settings/service";
import { SEED_DAY, seedDemoCounty } from "../support/fixtures";

// The outlook "weeks until places run out" on the real database: the demo county's twelve weeks of
// history give every municipality a forecast; /lage's data, the municipality page, the CSV, the
// workbook and the press summary carry the same values; a past Stand sees no later report.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;

beforeAll(async () => {
  demo = await seedDemoCounty();
});

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

async function workbookOf(data: LageExport): Promise<ExcelJS.Workbook> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => stream.on("end", resolve));
  await writeLageWorkbook(data, stream);
  await done;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
  return workbook;
}

const forecastOf = (outlook: MunicipalityOutlook | undefined) => {
  if (outlook?.kind !== "FORECAST") throw new Error(`no forecast: ${JSON.stringify(outlook)}`);
  return outlook;
};

describe("the demo county's outlook", () => {
  it("has a forecast for every municipality, from the allocations of the last 4 reporting weeks", async () => {
    const evaluation = (await loadCountyEvaluation(demo.coordinator, SEED_DAY))!;
    expect(evaluation.rows.every((row) => row.outlook?.kind === "FORECAST")).toBe(true);
    // Kommune M: 98 allocations now, 88 four weeks earlier (lib/demo/history.ts): 2.5 a week;
    // 20 places free now: 8 weeks; with 45 in prospect: 26 weeks.
    const m = evaluation.rows.find((row) => row.slug === "kommune-m")!;
    expect(forecastOf(m.outlook)).toMatchObject({ weeklyAllocations: 2.5, fromDay: addDays(SEED_DAY, -28), toDay: SEED_DAY });
    expect([outlookNowText(m.outlook), outlookWithProspectText(m.outlook)]).toEqual(["8 Wochen", "26 Wochen"]);
    // The same, read straight from the reports table.
    const allocationsOn = async (day: string) =>
      (await db().capacityReport.findFirstOrThrow({ where: { municipalityId: m.municipalityId, reportingDate: dayToDate(day) } }))
        .allocations!;
    expect(((await allocationsOn(SEED_DAY)) - (await allocationsOn(addDays(SEED_DAY, -28)))) / 4).toBe(2.5);
    // Kommune C has no place free and is flagged; Kommune J reports no allocations at all.
    const c = evaluation.rows.find((row) => row.slug === "kommune-c")!;
    expect(forecastOf(c.outlook)).toMatchObject({ weeklyAllocations: 0.75, warning: true });
    expect(outlookNowText(c.outlook)).toBe("keine freien Plätze");
    expect(outlookNowText(evaluation.rows.find((row) => row.slug === "kommune-j")!.outlook)).toBe("kein Ende absehbar");
    // The county, pooled over all 21.
    const county = evaluation.outlook!;
    expect(county).toMatchObject({
      municipalitiesWithForecast: 21,
      municipalitiesTotal: 21,
      settings: { windowWeeks: 4, warningWeeks: 4 },
    });
    expect(county.forecast!.availableNow).toBe(evaluation.totals.availableNow);
    expect(county.forecast!.prospective).toBe(evaluation.totals.prospective);
    expect(county.municipalitiesWarned).toBe(evaluation.rows.filter((row) => forecastOf(row.outlook).warning).length);
  });

  it("carries the same values to the CSV, the workbook and the press summary as to /lage", async () => {
    for (const stand of [SEED_DAY, addDays(SEED_DAY, -28)]) {
      const evaluation = (await loadCountyEvaluation(demo.coordinator, stand))!;
      const data = await loadLageExport(demo.press, stand);
      expect(data.evaluation.outlook).toEqual(evaluation.outlook);
      expect(data.evaluation.rows.map((row) => row.outlook)).toEqual(evaluation.rows.map((row) => row.outlook));

      const csv = csvRows(lageCsv(data, "auswertung"));
      const index = (key: string) => csv[0]!.indexOf(headingOf(key));
      const sheet = (await workbookOf(data)).getWorksheet("Auswertung")!;
      const sheetIndex = (key: string) => EVALUATION_COLUMNS.findIndex((column) => column.key === key) + 1;
      evaluation.rows.forEach((row, rowIndex) => {
        const line = csv[rowIndex + 1]!;
        expect(line[0]).toBe(row.name);
        expect(line[index("outlook")], row.name).toBe(outlookNowText(row.outlook));
        expect(line[index("outlookWithProspect")], row.name).toBe(outlookWithProspectText(row.outlook));
        const weekly = Math.round(forecastOf(row.outlook).weeklyAllocations * 10) / 10;
        expect(line[index("weeklyAllocations")], row.name).toBe(weekly.toFixed(1).replace(".", ","));
        const cells = sheet.getRow(rowIndex + 2);
        expect(cells.getCell(sheetIndex("outlook")).value).toBe(outlookNowText(row.outlook));
        expect(cells.getCell(sheetIndex("weeklyAllocations")).value).toBe(weekly);
      });
      const totals = csv.at(-1)!;
      expect(totals[0]).toBe("Gesamt");
      expect(totals[index("outlook")]).toBe(EVALUATION_COLUMNS.find((column) => column.key === "outlook")!.total!(evaluation));
      expect(pressSummary({ countyName: data.countyName, evaluation: data.evaluation })).toContain(
        countyOutlookSentence(evaluation.outlook!),
      );
    }
  });

  it("gives the municipality page the same outlook as its row on /lage", async () => {
    const evaluation = (await loadCountyEvaluation(demo.clerkA, SEED_DAY))!;
    for (const slug of ["kommune-a", "kommune-m", "kommune-r"]) {
      const row = evaluation.rows.find((candidate) => candidate.slug === slug)!;
      expect((await loadMunicipalityOutlook(demo.clerkA, row, SEED_DAY))!.outlook).toEqual(row.outlook);
    }
  });

  it("reads only reports up to the Stand: ten weeks back, three weeks of history are too few", async () => {
    const stand = addDays(SEED_DAY, -70);
    const evaluation = (await loadCountyEvaluation(demo.coordinator, stand))!;
    expect(evaluation.rows.every((row) => row.outlook?.kind === "TOO_FEW_REPORTS" && row.outlook.reportWeeks === 3)).toBe(true);
    expect(evaluation.outlook!.forecast).toBeNull();
    const data = await loadLageExport(demo.press, stand);
    const csv = csvRows(lageCsv(data, "auswertung"));
    const column = csv[0]!.indexOf("Reicht ca.");
    expect(new Set(csv.slice(1).map((line) => line[column]))).toEqual(new Set([TOO_FEW_REPORTS]));
    expect(csv.slice(1).map((line) => line[csv[0]!.indexOf(headingOf("weeklyAllocations"))])).toEqual(csv.slice(1).map(() => ""));

    // Four weeks back the window is the four weeks before that, whatever was reported since.
    const past = (await loadCountyEvaluation(demo.coordinator, addDays(SEED_DAY, -28)))!;
    const m = forecastOf(past.rows.find((row) => row.slug === "kommune-m")!.outlook);
    expect([m.fromDay, m.toDay]).toEqual([addDays(SEED_DAY, -56), addDays(SEED_DAY, -28)]);
  });

  it("reads the actor's county only, at most 2 × window + 1 weeks per municipality", async () => {
    const settings = { windowWeeks: 4, warningWeeks: 4 };
    const reports = await loadAllocationReports(demo.press, SEED_DAY, settings);
    expect(reports.size).toBe(21);
    for (const list of reports.values()) expect(list.length).toBeLessThanOrEqual(9);
    const stranger = { ...demo.coordinator, countyId: "elsewhere" };
    expect((await loadAllocationReports(stranger, SEED_DAY, settings)).size).toBe(0);
  });
});

describe("the outlook's settings", () => {
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected a failure");
      },
      (error: unknown) => error as AppError,
    );

  it("refuses values out of range and other roles, checked by the database too", async () => {
    const error = await failure(updateOutlookSettings(demo.coordinator, { outlookWindowWeeks: "0", outlookWarningWeeks: "27" }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["outlookWarningWeeks", "outlookWindowWeeks"]);
    for (const bad of ["13", "2.5", "", "vier"]) {
      expect((await failure(updateOutlookSettings(demo.coordinator, { outlookWindowWeeks: bad, outlookWarningWeeks: "4" }))).code).toBe(
        "VALIDATION",
      );
    }
    for (const actor of [demo.clerkA, demo.press]) {
      expect((await failure(updateOutlookSettings(actor, { outlookWindowWeeks: "2", outlookWarningWeeks: "4" }))).code).toBe("FORBIDDEN");
    }
    await expect(db().county.update({ where: { id: demo.countyId }, data: { outlookWindowWeeks: 13 } })).rejects.toThrow();
    expect(await db().auditEvent.count({ where: { action: "county.outlook-settings" } })).toBe(0);
  });

  it("stores them, audited, and the evaluation follows", async () => {
    try {
      await updateOutlookSettings(demo.coordinator, { outlookWindowWeeks: "2", outlookWarningWeeks: "10" });
      const event = await db().auditEvent.findFirstOrThrow({ where: { action: "county.outlook-settings" } });
      expect(event).toMatchObject({ actorId: demo.coordinator.id, before: { outlookWindowWeeks: 4, outlookWarningWeeks: 4 } });
      const evaluation = (await loadCountyEvaluation(demo.coordinator, SEED_DAY))!;
      expect(evaluation.outlook!.settings).toEqual({ windowWeeks: 2, warningWeeks: 10 });
      const m = forecastOf(evaluation.rows.find((row) => row.slug === "kommune-m")!.outlook);
      expect(m.fromDay).toBe(addDays(SEED_DAY, -14));
      // 20 places at about 2.5 a week: under 10 weeks, flagged now.
      expect(m.warning).toBe(true);
      // Ten weeks back, three weeks of history now suffice for a window of two.
      expect((await loadCountyEvaluation(demo.coordinator, addDays(SEED_DAY, -70)))!.outlook!.municipalitiesWithForecast).toBe(21);
    } finally {
      await db().county.update({ where: { id: demo.countyId }, data: { outlookWindowWeeks: 4, outlookWarningWeeks: 4 } });
    }
  });
});
