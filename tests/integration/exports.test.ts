import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../lib/dates";
import { db } from "../../lib/db/client";
import { loadCountyEvaluation } from "../../lib/capacity/queries";
import { EVALUATION_COLUMNS, OVERVIEW_COLUMNS, totalsRow } from "../../lib/exports/columns";
import { lageCsv } from "../../lib/exports/csv";
import { exportFileName, loadLageExport, type LageExport } from "../../lib/exports/lage-data";
import { writeLageWorkbook } from "../../lib/exports/xlsx";
import { AppError } from "../../lib/errors";
import { SEED_DAY, seedDemoCounty } from "../support/fixtures";

// Every export read back (exceljs for the workbook, csv-parse for CSV) and compared cell by cell
// with the evaluation module, for the demo county at the seed day and at a past Stand.

let demo: Awaited<ReturnType<typeof seedDemoCounty>>;

beforeAll(async () => {
  demo = await seedDemoCounty();
});

async function workbookBytes(data: LageExport): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => stream.on("end", resolve));
  await writeLageWorkbook(data, stream);
  await done;
  return Buffer.concat(chunks);
}

async function workbookOf(data: LageExport): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await workbookBytes(data)) as unknown as ExcelJS.Buffer);
  return workbook;
}

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];

const cellText = (value: ExcelJS.CellValue): number | string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value as number | string;
};

describe.each([
  ["the seed day", () => SEED_DAY],
  ["a past Stand", () => addDays(SEED_DAY, -28)],
])("the exports at %s", (_label, stand) => {
  it("the workbook's Auswertung and Übersicht equal the evaluation, cell by cell, with the Gesamt row", async () => {
    const data = await loadLageExport(demo.coordinator, stand());
    const evaluation = (await loadCountyEvaluation(demo.coordinator, stand()))!;
    const workbook = await workbookOf(data);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Übersicht", "Auswertung", "Verlauf", "Hinweise"]);
    for (const [name, columns] of [
      ["Auswertung", EVALUATION_COLUMNS],
      ["Übersicht", OVERVIEW_COLUMNS],
    ] as const) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((column) => column.heading)]);
      evaluation.rows.forEach((row, index) => {
        const cells = sheet.getRow(index + 2);
        columns.forEach((column, columnIndex) =>
          expect(cellText(cells.getCell(columnIndex + 1).value), `${name} ${row.name} ${column.key}`).toEqual(column.value(row)),
        );
      });
      const totals = sheet.getRow(evaluation.rows.length + 2);
      totalsRow(columns, evaluation).forEach((value, columnIndex) => {
        if (value !== null) expect(cellText(totals.getCell(columnIndex + 1).value)).toEqual(value);
      });
      expect(totals.getCell(1).font?.bold).toBe(true);
    }
  });

  it("the CSV tables hold the same values", async () => {
    const data = await loadLageExport(demo.press, stand());
    const rows = csvRows(lageCsv(data, "auswertung"));
    expect(rows[0]).toEqual(EVALUATION_COLUMNS.map((column) => column.heading));
    data.evaluation.rows.forEach((row, index) => {
      EVALUATION_COLUMNS.forEach((column, columnIndex) => {
        const value = column.value(row);
        const expected =
          value === null
            ? ""
            : column.format === "day"
              ? `${String(value).slice(8, 10)}.${String(value).slice(5, 7)}.${String(value).slice(0, 4)}`
              : column.format === "decimal"
                ? Number(value).toFixed(1).replace(".", ",")
                : String(value);
        expect(rows[index + 1]![columnIndex], `${row.name} ${column.key}`).toBe(expected);
      });
    });
    expect(rows[rows.length - 1]![0]).toBe("Gesamt");
    expect(csvRows(lageCsv(data, "verlauf")).length).toBe(data.history.length + 1);
  });
});

describe("the workbook for people", () => {
  it("has the demo county's totals, number formats, a frozen bold header, notes on unreported figures, and its notes sheet", async () => {
    const data = await loadLageExport(demo.coordinator, SEED_DAY);
    const workbook = await workbookOf(data);
    const sheet = workbook.getWorksheet("Auswertung")!;
    const totals = sheet.getRow(data.evaluation.rows.length + 2);
    expect(totals.getCell(2).value).toBe(1327);
    expect(totals.getCell(9).value).toBe(-407);
    expect(totals.getCell(10).value).toBe("frei");
    expect(sheet.getRow(2).getCell(2).numFmt).toBe("#,##0");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    // Unreported figures: empty cells, each with the note "nicht gemeldet" (read from the file's comments part).
    const overview = workbook.getWorksheet("Übersicht")!;
    const blanks: string[] = [];
    data.evaluation.rows.forEach((row, index) => {
      OVERVIEW_COLUMNS.forEach((column, columnIndex) => {
        if (column.format === "integer" && column.value(row) === null) {
          const cell = overview.getRow(index + 2).getCell(columnIndex + 1);
          expect(cell.value).toBeNull();
          blanks.push(cell.address);
        }
      });
    });
    expect(blanks.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(await workbookBytes(data));
    const comments = await zip.file("xl/comments1.xml")!.async("string");
    for (const address of blanks) expect(comments).toMatch(new RegExp(`ref="${address}"[^]*?nicht gemeldet`));
    const notes = workbook.getWorksheet("Hinweise")!.getColumn(1).values.filter(Boolean);
    expect(notes).toEqual(expect.arrayContaining(["Stand", "Erstellt", "Daten", "Nicht im Meldeintervall gemeldet", "Bedarf"]));
    expect(exportFileName(data, "xlsx")).toBe(`lage-landkreis-musterland-${SEED_DAY}.xlsx`);
  });

  it("writes a municipality named like a formula as text in both formats, and holds no author or comment", async () => {
    const municipality = await db().municipality.findFirstOrThrow({ where: { slug: "kommune-b" } });
    const hostile = '=HYPERLINK("http://x";"y")';
    await db().municipality.update({ where: { id: municipality.id }, data: { name: hostile } });
    try {
      const data = await loadLageExport(demo.press, SEED_DAY);
      const workbook = await workbookOf(data);
      const sheet = workbook.getWorksheet("Auswertung")!;
      const cells = sheet.getColumn(1).values;
      expect(cells).toContain(hostile);
      sheet.getColumn(1).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      const csv = csvRows(lageCsv(data, "auswertung"));
      expect(csv.map((row) => row[0])).toContain(`'${hostile}`);
      // No author names, comments or explanations of the reports.
      const everything = JSON.stringify(workbook.worksheets.map((each) => each.getSheetValues())) + lageCsv(data, "uebersicht");
      expect(everything).not.toContain("Demo-Daten");
      for (const user of await db().user.findMany({ where: { id: { not: demo.press.id } } })) expect(everything).not.toContain(user.name);
    } finally {
      await db().municipality.update({ where: { id: municipality.id }, data: { name: municipality.name } });
    }
  });
});

describe("who may export, and for which Stand", () => {
  const code = async (promise: Promise<unknown>) =>
    (
      (await promise.then(
        () => null,
        (error: unknown) => error,
      )) as AppError | null
    )?.code;
  it("refuses a clerk, and a Stand in the future or before the first report, with a clear 400", async () => {
    expect(await code(loadLageExport(demo.clerkA, SEED_DAY))).toBe("FORBIDDEN");
    expect(await code(loadLageExport(demo.coordinator, "2999-01-01"))).toBe("VALIDATION");
    expect(await code(loadLageExport(demo.coordinator, "2000-01-01"))).toBe("VALIDATION");
    expect(await code(loadLageExport(demo.coordinator, "2026-02-30"))).toBe("VALIDATION");
    expect((await loadLageExport(demo.admin, undefined)).stand).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
