import type { AgreedHelp } from "./agreed-help";
import { FIGURE_KEYS, type FigureKey, type Figures, type Situation } from "./figures";
import type { BoardOffers } from "./board-offers";
import type { CountyOutlook, MunicipalityOutlook } from "./outlook";
import { isStale } from "./staleness";

// The county evaluation (domain.md §3) as pure functions. Every page, chart and export calls
// these, so they can never disagree.

/** A municipality with its effective report as of the evaluation date (null: none yet). */
export interface MunicipalityReportInput {
  municipalityId: string;
  name: string;
  slug: string;
  report: {
    id: string;
    reportingDate: string;
    figures: Figures;
    situation: Situation | null;
  } | null;
}

export type Contradiction = "SUFFICIENT_BUT_SHORT" | "CRITICAL_BUT_SURPLUS";

export interface MunicipalityEvaluation {
  municipalityId: string;
  name: string;
  slug: string;
  reportId: string | null;
  reportingDate: string | null;
  figures: Figures;
  situation: Situation | null;
  availableNow: number;
  prospective: number;
  totalPlaces: number;
  /** Positive: persons without a place; negative: spare places. */
  shortfall: number;
  /** Figures of the report that were not reported (the evaluation counts them as 0). */
  missingFigures: FigureKey[];
  contradiction: Contradiction | null;
  stale: boolean;
  /** Weeks until places run out (outlook.ts); set where the reports' history was loaded. */
  outlook?: MunicipalityOutlook;
  /** Help agreed with other municipalities (agreed-help.ts), already counted in shortfall; set where running placements were loaded. */
  agreedHelp?: AgreedHelp;
  /** Private offers listed on the public board (board-offers.ts); apart from the figures. */
  boardOffers?: BoardOffers;
}

export interface CountyTotals {
  /** Sum of quotaOutstanding, raw (an over-fulfilled quota reduces it). */
  placesNeeded: number;
  availableNow: number;
  prospective: number;
  totalAvailability: number;
  /** placesNeeded − totalAvailability; negative means a surplus. */
  missingPlaces: number;
  /** Sum of the positive shortfalls, which a net surplus hides. */
  grossShortfall: number;
  municipalitiesShort: number;
}

export interface CountyEvaluation {
  asOf: string;
  intervalDays: number;
  rows: MunicipalityEvaluation[];
  totals: CountyTotals;
  reporting: { withinInterval: number; total: number };
  /** The county's outlook (outlook.ts); set where the reports' history was loaded. */
  outlook?: CountyOutlook;
  /** The county's private offers on the board (board-offers.ts); set where they were loaded. */
  boardOffers?: BoardOffers;
}

const EMPTY_FIGURES = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;

const value = (figure: number | null) => figure ?? 0;

export function shortfallOf(figures: Figures) {
  const availableNow = value(figures.availableShared) + value(figures.availableDecentral);
  const prospective = value(figures.prospectiveShared) + value(figures.prospectiveDecentral);
  const totalPlaces = availableNow + prospective;
  // An over-fulfilled quota (negative) counts as 0 for the municipality's own shortfall.
  const shortfall = Math.max(value(figures.quotaOutstanding), 0) - totalPlaces;
  return { availableNow, prospective, totalPlaces, shortfall };
}

export function contradictionOf(situation: Situation | null, shortfall: number): Contradiction | null {
  if (situation === "SUFFICIENT" && shortfall > 0) return "SUFFICIENT_BUT_SHORT";
  if (situation === "CRITICAL" && shortfall < 0) return "CRITICAL_BUT_SURPLUS";
  return null;
}

export function evaluateMunicipality(
  input: MunicipalityReportInput,
  options: { asOf: string; intervalDays: number },
): MunicipalityEvaluation {
  const figures = input.report?.figures ?? EMPTY_FIGURES;
  const situation = input.report?.situation ?? null;
  const computed = shortfallOf(figures);
  return {
    municipalityId: input.municipalityId,
    name: input.name,
    slug: input.slug,
    reportId: input.report?.id ?? null,
    reportingDate: input.report?.reportingDate ?? null,
    figures,
    situation,
    ...computed,
    missingFigures: input.report ? FIGURE_KEYS.filter((key) => figures[key] === null) : [...FIGURE_KEYS],
    contradiction: input.report ? contradictionOf(situation, computed.shortfall) : null,
    stale: isStale(input.report?.reportingDate ?? null, options.asOf, options.intervalDays),
  };
}

/** Sorted as the county printed it: largest surplus first, then by name. */
export function compareByShortfall(a: MunicipalityEvaluation, b: MunicipalityEvaluation) {
  return a.shortfall - b.shortfall || a.name.localeCompare(b.name, "de");
}

export function totalsOf(rows: MunicipalityEvaluation[]): CountyTotals {
  const sum = (pick: (row: MunicipalityEvaluation) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const placesNeeded = sum((row) => value(row.figures.quotaOutstanding));
  const availableNow = sum((row) => row.availableNow);
  const prospective = sum((row) => row.prospective);
  const totalAvailability = availableNow + prospective;
  const short = rows.filter((row) => row.shortfall > 0);
  return {
    placesNeeded,
    availableNow,
    prospective,
    totalAvailability,
    missingPlaces: placesNeeded - totalAvailability,
    grossShortfall: short.reduce((total, row) => total + row.shortfall, 0),
    municipalitiesShort: short.length,
  };
}

export function evaluateCounty(inputs: MunicipalityReportInput[], options: { asOf: string; intervalDays: number }): CountyEvaluation {
  const rows = inputs.map((input) => evaluateMunicipality(input, options)).sort(compareByShortfall);
  return {
    asOf: options.asOf,
    intervalDays: options.intervalDays,
    rows,
    totals: totalsOf(rows),
    reporting: { withinInterval: rows.filter((row) => !row.stale).length, total: rows.length },
  };
}
