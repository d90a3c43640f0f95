import { daysBetween } from "../dates";

/** A report is stale when it is older than the county's reporting interval (or missing). */
export function isStale(latestReportingDay: string | null, today: string, intervalDays: number): boolean {
  if (!latestReportingDay) return true;
  return daysBetween(latestReportingDay, today) > intervalDays;
}

export function ageInDays(latestReportingDay: string, today: string): number {
  return daysBetween(latestReportingDay, today);
}
