import { dateToDay, dayToDate } from "../dates";
import { MIN_DAY } from "../validation";
import { FIGURE_KEYS, type Figures, type Situation } from "./figures";

type ReportRow = { [K in (typeof FIGURE_KEYS)[number]]: number | null } & {
  id: string;
  reportingDate: Date;
  situation: Situation | null;
};

export function figuresOf(row: { [K in (typeof FIGURE_KEYS)[number]]: number | null }): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, row[key]])) as Figures;
}

/** A report as the evaluation takes it. */
export function evaluationReportOf(row: ReportRow) {
  return { id: row.id, reportingDate: dateToDay(row.reportingDate), figures: figuresOf(row), situation: row.situation };
}

/**
 * The reports that count: rows dated before MIN_DAY were stored before the database refused
 * them (migration 20261125090000) and stay in the append-only table, but no page, export or
 * check looks at them. Every query of capacity_report ANDs this (in SQL: reporting_date >= MIN_DAY).
 */
export const COUNTED_REPORT = { reportingDate: { gte: dayToDate(MIN_DAY) } };
