import { addDays, dayToDate, daysBetween } from "../dates";
import type { CountyEvaluation, MunicipalityEvaluation } from "./evaluation";

// The outlook "weeks until places run out" (issue 12) as pure functions. /lage, the municipality
// page, the trend chart's estimate and every export call these, so they cannot disagree.
//
// What counts as new allocations: figure (1) "vom Land ausgesprochene Zuweisungen" is a running
// total (arrivals and housed persons follow it), so the persons newly allocated in a period are
// its increase between two reports. The average per week is that increase divided by the days
// between the two reports, times 7: honest when a municipality does not report exactly weekly.
//
// The assumptions, said beside every estimate (outlook-text.ts): each newly allocated person needs
// one of the places, no new places are added, and allocations go on as in the window. The places
// are those of the report the evaluation shows for the Stand, so the outlook starts from the same
// figures as the table; it counts from that report's date.

export interface OutlookSettings {
  /** Reporting weeks the average is taken over (county setting, 1–12). */
  windowWeeks: number;
  /** Fewer weeks than this are flagged (county setting, 1–26). */
  warningWeeks: number;
}

export const DEFAULT_OUTLOOK_SETTINGS: OutlookSettings = { windowWeeks: 4, warningWeeks: 4 };

/** Beyond a year a straight line says nothing; the words say "mehr als 1 Jahr" instead. */
export const OUTLOOK_HORIZON_WEEKS = 52;

/**
 * Reports older than twice the window do not count: a rate over sparse old reports is no trend
 * of the last weeks. Bounds the database read too.
 */
export const lookbackDays = (settings: OutlookSettings) => 14 * settings.windowWeeks;

/** A report in effect on its date (the last save of that date): its date and figure (1). */
export interface AllocationReport {
  reportingDate: string;
  allocations: number | null;
}

/** How long places last: `weeks` exact (0: none left); NO_INTAKE: no allocations to use them up. */
export type Reach = { kind: "RUNS_OUT"; weeks: number } | { kind: "NO_INTAKE" };

export interface Forecast {
  /** Average new allocations per week in the window (may be 0 or negative after corrections). */
  weeklyAllocations: number;
  availableNow: number;
  prospective: number;
  /** Places available now only. */
  now: Reach;
  /** Places available now and in prospect. */
  withProspect: Reach;
  /** The places available now last fewer weeks than the warning threshold. */
  warning: boolean;
}

export type MunicipalityOutlook =
  | {
      kind: "TOO_FEW_REPORTS";
      /** Weeks with a report that states allocations, within the lookback. */
      reportWeeks: number;
      /** windowWeeks + 1: the window's first report and one for each week after it. */
      neededWeeks: number;
    }
  | ({ kind: "FORECAST"; fromDay: string; toDay: string } & Forecast);

export interface CountyOutlook {
  settings: OutlookSettings;
  /** Over the municipalities with a forecast only (null: none has one). */
  forecast: Forecast | null;
  municipalitiesWithForecast: number;
  municipalitiesTotal: number;
  /** Municipalities whose places available now last fewer weeks than the threshold. */
  municipalitiesWarned: number;
  /** Of those, the ones with no place free now. */
  municipalitiesNoneFree: number;
}

/** Monday of the day's week (as PostgreSQL's date_trunc('week')). */
export function weekOf(day: string): string {
  return addDays(day, -((dayToDate(day).getUTCDay() + 6) % 7));
}

/**
 * The window's reports, oldest first: of each week with a report on or before asOf within the
 * lookback, the latest report; those without figure (1) are left out; then the last windowWeeks + 1.
 */
export function windowReports(reports: AllocationReport[], asOf: string, settings: OutlookSettings): AllocationReport[] {
  const from = addDays(asOf, -lookbackDays(settings));
  const latestOfWeek = new Map<string, AllocationReport>();
  for (const report of reports) {
    if (report.reportingDate > asOf || report.reportingDate <= from) continue;
    const week = weekOf(report.reportingDate);
    const known = latestOfWeek.get(week);
    if (!known || report.reportingDate > known.reportingDate) latestOfWeek.set(week, report);
  }
  return [...latestOfWeek.values()]
    .filter((report) => report.allocations !== null)
    .sort((a, b) => a.reportingDate.localeCompare(b.reportingDate))
    .slice(-(settings.windowWeeks + 1));
}

export function reachOf(places: number, weeklyAllocations: number): Reach {
  if (weeklyAllocations <= 0) return { kind: "NO_INTAKE" };
  return { kind: "RUNS_OUT", weeks: Math.max(places, 0) / weeklyAllocations };
}

export function isWarning(reach: Reach, settings: OutlookSettings): boolean {
  return reach.kind === "RUNS_OUT" && reach.weeks < settings.warningWeeks;
}

function forecastOf(places: { availableNow: number; prospective: number }, weeklyAllocations: number, settings: OutlookSettings): Forecast {
  const now = reachOf(places.availableNow, weeklyAllocations);
  return {
    weeklyAllocations,
    availableNow: places.availableNow,
    prospective: places.prospective,
    now,
    withProspect: reachOf(places.availableNow + places.prospective, weeklyAllocations),
    warning: isWarning(now, settings),
  };
}

/** One municipality's outlook from its places (the evaluation's row) and its reports. */
export function municipalityOutlook(
  places: Pick<MunicipalityEvaluation, "availableNow" | "prospective">,
  reports: AllocationReport[],
  asOf: string,
  settings: OutlookSettings,
): MunicipalityOutlook {
  const window = windowReports(reports, asOf, settings);
  const neededWeeks = settings.windowWeeks + 1;
  if (window.length < neededWeeks) return { kind: "TOO_FEW_REPORTS", reportWeeks: window.length, neededWeeks };
  const first = window[0]!;
  const last = window.at(-1)!;
  const weeklyAllocations = ((last.allocations! - first.allocations!) * 7) / daysBetween(first.reportingDate, last.reportingDate);
  return { kind: "FORECAST", fromDay: first.reportingDate, toDay: last.reportingDate, ...forecastOf(places, weeklyAllocations, settings) };
}

/**
 * The county's outlook: the allocations and places of the municipalities with a forecast, pooled
 * (as if places were shared within the county). The others' places are left out, since nothing
 * says how fast they would be used. How many municipalities are flagged is said beside it, as the
 * gross shortfall beside the net one.
 */
export function countyOutlook(rows: { outlook: MunicipalityOutlook }[], settings: OutlookSettings): CountyOutlook {
  const forecasts = rows.flatMap((row) => (row.outlook.kind === "FORECAST" ? [row.outlook] : []));
  const sum = (pick: (forecast: Forecast) => number) => forecasts.reduce((total, forecast) => total + pick(forecast), 0);
  return {
    settings,
    forecast: forecasts.length
      ? forecastOf(
          { availableNow: sum((forecast) => forecast.availableNow), prospective: sum((forecast) => forecast.prospective) },
          sum((forecast) => forecast.weeklyAllocations),
          settings,
        )
      : null,
    municipalitiesWithForecast: forecasts.length,
    municipalitiesTotal: rows.length,
    municipalitiesWarned: forecasts.filter((forecast) => forecast.warning).length,
    municipalitiesNoneFree: forecasts.filter((forecast) => forecast.warning && forecast.availableNow <= 0).length,
  };
}

/** The evaluation with each municipality's and the county's outlook, for the evaluation's date. */
export function withOutlook(
  evaluation: CountyEvaluation,
  reportsByMunicipality: ReadonlyMap<string, AllocationReport[]>,
  settings: OutlookSettings,
): CountyEvaluation {
  const rows = evaluation.rows.map((row) => ({
    ...row,
    outlook: municipalityOutlook(row, reportsByMunicipality.get(row.municipalityId) ?? [], evaluation.asOf, settings),
  }));
  return { ...evaluation, rows, outlook: countyOutlook(rows, settings) };
}

/** Weeks of a projection: one point per week after the start, until the places are used up. */
export function projection(forecast: Forecast, fromDay: string, maxWeeks = 12): { asOf: string; availableNow: number }[] {
  if (forecast.now.kind !== "RUNS_OUT") return [];
  const weeks = Math.min(maxWeeks, Math.ceil(forecast.now.weeks));
  return Array.from({ length: weeks }, (_, index) => ({
    asOf: addDays(fromDay, 7 * (index + 1)),
    availableNow: Math.max(0, Math.round(forecast.availableNow - forecast.weeklyAllocations * (index + 1))),
  }));
}
