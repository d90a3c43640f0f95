import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import type { CountyEvaluation } from "../capacity/evaluation";
import { assumptions, countyOutlookSentence } from "../capacity/outlook-text";
import { dayToDate, formatDateTime, formatDay } from "../dates";
import {
  EVALUATION_COLUMNS,
  HISTORY_COLUMNS,
  HISTORY_HEADINGS,
  historyValues,
  OVERVIEW_COLUMNS,
  totalsRow,
  type EvaluationColumn,
} from "./columns";
import type { LageExport } from "./lage-data";

// The evaluation as an Excel workbook, written as a stream (exceljs' WorkbookWriter): each row is
// committed and leaves memory, so a state-sized county does not build the file in memory first.

const INTEGER = "#,##0";
const DECIMAL = "#,##0.0";
const DAY = "dd.mm.yyyy";
const SHORT_COLOUR = "FFB91C1C"; // red: places missing
const SPARE_COLOUR = "FF166534"; // green: places free

type Sheet = ExcelJS.Worksheet;

function newSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, data: LageExport, widths: number[]): Sheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    headerFooter: { oddHeader: `&L&B${data.countyName}: ${name}&R Stand ${formatDay(data.stand)}`, oddFooter: "&R Seite &P von &N" },
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

function headerRow(sheet: Sheet, headings: string[]) {
  const row = sheet.addRow(headings);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "bottom" };
  row.commit();
}

function writeCell(cell: ExcelJS.Cell, column: EvaluationColumn, value: number | string | null) {
  if (value === null) return;
  if ((column.format === "integer" || column.format === "decimal") && typeof value === "number") {
    cell.value = value;
    cell.numFmt = column.format === "integer" ? INTEGER : DECIMAL;
  } else if (column.format === "day" && typeof value === "string") {
    cell.value = dayToDate(value);
    cell.numFmt = DAY;
  } else {
    // A string cell: Excel shows it as text even if it begins with "=" (see text-guard.ts).
    cell.value = String(value);
  }
}

function colourShortfall(cells: ExcelJS.Cell[], shortfall: number) {
  if (shortfall === 0) return;
  for (const cell of cells) cell.font = { ...cell.font, color: { argb: shortfall > 0 ? SHORT_COLOUR : SPARE_COLOUR } };
}

function tableSheet(sheet: Sheet, columns: EvaluationColumn[], evaluation: CountyEvaluation, options: { notReportedNote: boolean }) {
  headerRow(
    sheet,
    columns.map((column) => column.heading),
  );
  for (const municipality of evaluation.rows) {
    const row = sheet.addRow([]);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      const value = column.value(municipality);
      writeCell(cell, column, value);
      // Not reported is not 0: the cell stays empty and says so.
      if (value === null && options.notReportedNote && column.format === "integer") cell.note = "nicht gemeldet";
    });
    const shortfallIndex = columns.findIndex((column) => column.key === "shortfall");
    if (shortfallIndex >= 0) colourShortfall([row.getCell(shortfallIndex + 1), row.getCell(shortfallIndex + 2)], municipality.shortfall);
    row.commit();
  }
  const totals = sheet.addRow([]);
  totalsRow(columns, evaluation).forEach((value, index) => writeCell(totals.getCell(index + 1), columns[index]!, value));
  totals.font = { bold: true };
  totals.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function totalsBlock(sheet: Sheet, evaluation: CountyEvaluation) {
  const { totals } = evaluation;
  sheet.addRow([]).commit();
  const lines: [string, number][] = [
    ["Benötigter Wohnraum (Summe „Zu erfüllen“)", totals.placesNeeded],
    ["Verfügbar jetzt", totals.availableNow],
    ["In Aussicht", totals.prospective],
    ["Verfügbarkeit gesamt", totals.totalAvailability],
    [totals.missingPlaces > 0 ? "Fehlende Plätze (Saldo)" : "Plätze mehr als benötigt (Saldo)", Math.abs(totals.missingPlaces)],
    ["Fehlende Plätze in Kommunen mit Fehlbedarf (brutto)", totals.grossShortfall],
    ["Kommunen mit Fehlbedarf", totals.municipalitiesShort],
  ];
  for (const [label, value] of lines) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).numFmt = INTEGER;
    row.commit();
  }
}

/** Lines of the "Hinweise" sheet. */
export function notes(data: LageExport): [string, string][] {
  const stale = data.evaluation.rows.filter((row) => row.stale).map((row) => row.name);
  return [
    ["Stand", formatDay(data.stand)],
    ["Erstellt", `${formatDateTime(data.generatedAt)} von ${data.generatedBy}`],
    ["Daten", data.isDemo ? "Beispieldaten (Demo-Landkreis), keine echten Zahlen" : "Meldungen der Kommunen"],
    [
      "Nicht im Meldeintervall gemeldet",
      stale.length
        ? `${stale.join(", ")} (es gilt ihre letzte Meldung)`
        : `alle Kommunen haben innerhalb von ${data.evaluation.intervalDays} Tagen gemeldet`,
    ],
    ["Leere Zellen", "nicht gemeldet (nicht 0); die Auswertung rechnet sie als 0"],
    ...(data.evaluation.outlook
      ? ([
          ["Reichweite im Landkreis", countyOutlookSentence(data.evaluation.outlook)],
          ["Annahmen der Reichweite", assumptions(data.evaluation.outlook.settings)],
        ] as [string, string][])
      : []),
    ...EVALUATION_COLUMNS.filter((column) => column.key !== "name").map((column): [string, string] => [column.heading, column.explanation]),
    ["Quelle", `${data.countyName}, Stand ${formatDay(data.stand)}`],
  ];
}

export async function writeLageWorkbook(data: LageExport, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Wohnraum";
  workbook.created = data.generatedAt;

  const overview = newSheet(workbook, "Übersicht", data, [24, ...OVERVIEW_COLUMNS.slice(1, -2).map(() => 16), 16, 13]);
  tableSheet(overview, OVERVIEW_COLUMNS, data.evaluation, { notReportedNote: true });
  overview.commit();

  const evaluationSheet = newSheet(workbook, "Auswertung", data, [24, 13, 13, 13, 13, 13, 13, 13, 12, 13, 13, 13, 14, 22, 22]);
  tableSheet(evaluationSheet, EVALUATION_COLUMNS, data.evaluation, { notReportedNote: true });
  totalsBlock(evaluationSheet, data.evaluation);
  evaluationSheet.commit();

  const history = newSheet(workbook, "Verlauf", data, [13, ...HISTORY_COLUMNS.map(() => 18)]);
  headerRow(history, HISTORY_HEADINGS);
  for (const entry of data.history) {
    const row = history.addRow([dayToDate(entry.asOf), ...historyValues(entry)]);
    row.getCell(1).numFmt = DAY;
    for (let index = 2; index <= HISTORY_COLUMNS.length + 1; index++) row.getCell(index).numFmt = INTEGER;
    row.commit();
  }
  history.commit();

  const hints = newSheet(workbook, "Hinweise", data, [36, 110]);
  headerRow(hints, ["Hinweis", "Erläuterung"]);
  for (const [label, text] of notes(data)) {
    const row = hints.addRow([label, text]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.commit();
  }
  hints.commit();
  await workbook.commit();
}
