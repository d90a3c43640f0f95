import { dateToDay } from "../dates";
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
