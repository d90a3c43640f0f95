import { addDays, daysBetween } from "../dates";

/** A report is stale when it is older than the county's reporting interval (or missing). */
export function isStale(latestReportingDay: string | null, today: string, intervalDays: number): boolean {
  if (!latestReportingDay) return true;
  return daysBetween(latestReportingDay, today) > intervalDays;
}

export function ageInDays(latestReportingDay: string, today: string): number {
  return daysBetween(latestReportingDay, today);
}

export type ReportDue =
  | { state: "none" }
  /** Reported within the interval; the next report is due on `dueOn`. */
  | { state: "current"; dueOn: string }
  | { state: "dueToday"; dueOn: string }
  /** Stale: `overdueDays` past the day the next report was due. */
  | { state: "overdue"; dueOn: string; overdueDays: number };

/** What the clerk has to do: the next report is due one interval after the latest. */
export function reportDue(latestReportingDay: string | null, today: string, intervalDays: number): ReportDue {
  if (!latestReportingDay) return { state: "none" };
  const dueOn = addDays(latestReportingDay, intervalDays);
  const age = daysBetween(latestReportingDay, today);
  if (age < intervalDays) return { state: "current", dueOn };
  if (age === intervalDays) return { state: "dueToday", dueOn };
  return { state: "overdue", dueOn, overdueDays: age - intervalDays };
}
