import { contradictionOf, shortfallOf } from "./evaluation";
import { FIGURE_KEYS, FIGURE_LABELS, type FigureKey, type Figures, type Situation } from "./figures";

// Plausibility rules in the manner of the German ICU register's reporting rules: a warning does
// not block, but must be confirmed with a comment before the report is saved.

export type WarningCode =
  "ARRIVALS_ABOVE_ALLOCATIONS" | "HOUSED_ABOVE_ARRIVALS" | `CHANGED_BY_HALF:${FigureKey}` | "RATING_CONTRADICTS_SHORTFALL";

export interface PlausibilityWarning {
  code: WarningCode;
  message: string;
  /** The values the warning depends on: while they stay the same, a confirmation stays valid. */
  fields: (FigureKey | "situation")[];
}

/** A change is "more than half" only from this many persons on, so 1 → 2 does not nag. */
export const MIN_CHANGE_FOR_WARNING = 5;

const number = new Intl.NumberFormat("de-DE");

const PLACE_KEYS: FigureKey[] = ["availableShared", "availableDecentral", "prospectiveShared", "prospectiveDecentral"];

export function plausibilityWarnings(
  input: { figures: Figures; situation: Situation | null },
  previous: Figures | null,
): PlausibilityWarning[] {
  const { figures } = input;
  const warnings: PlausibilityWarning[] = [];

  if (figures.arrivals !== null && figures.allocations !== null && figures.arrivals > figures.allocations) {
    warnings.push({
      code: "ARRIVALS_ABOVE_ALLOCATIONS",
      message: `Mehr Ankünfte (${number.format(figures.arrivals)}) als Zuweisungen (${number.format(figures.allocations)}).`,
      fields: ["arrivals", "allocations"],
    });
  }

  const housedReported = figures.housedShared !== null || figures.housedDecentral !== null;
  if (housedReported && figures.arrivals !== null) {
    const housed = (figures.housedShared ?? 0) + (figures.housedDecentral ?? 0);
    const limit = figures.arrivals + (figures.notCredited ?? 0);
    if (housed > limit) {
      warnings.push({
        code: "HOUSED_ABOVE_ARRIVALS",
        message: `Mehr untergebrachte Personen (${number.format(housed)}) als Ankünfte plus nicht angerechnete Personen (${number.format(limit)}).`,
        fields: ["housedShared", "housedDecentral", "arrivals", "notCredited"],
      });
    }
  }

  if (previous) {
    for (const key of FIGURE_KEYS) {
      const before = previous[key];
      const now = figures[key];
      if (before === null || now === null) continue;
      const change = Math.abs(now - before);
      if (change >= MIN_CHANGE_FOR_WARNING && change > Math.abs(before) / 2) {
        warnings.push({
          code: `CHANGED_BY_HALF:${key}`,
          message: `${FIGURE_LABELS[key]}: ${number.format(before)} → ${number.format(now)}, eine Änderung um mehr als die Hälfte gegenüber der letzten Meldung.`,
          fields: [key],
        });
      }
    }
  }

  const { shortfall } = shortfallOf(figures);
  const contradiction = contradictionOf(input.situation, shortfall);
  if (contradiction) {
    warnings.push({
      code: "RATING_CONTRADICTS_SHORTFALL",
      message:
        contradiction === "SUFFICIENT_BUT_SHORT"
          ? `Einschätzung „ausreichend“, aber nach den Zahlen fehlen ${number.format(shortfall)} Plätze.`
          : `Einschätzung „kritisch“, aber nach den Zahlen sind ${number.format(-shortfall)} Plätze frei.`,
      fields: ["situation", "quotaOutstanding", ...PLACE_KEYS],
    });
  }
  return warnings;
}

/** Every current warning must have been confirmed; a new one needs a new confirmation. */
export function unconfirmedWarnings(warnings: PlausibilityWarning[], confirmed: readonly string[]): PlausibilityWarning[] {
  return warnings.filter((warning) => !confirmed.includes(warning.code));
}

/** A report as the repeat rule sees it: its values and the warnings its author confirmed. */
export interface ConfirmedReport {
  figures: Figures;
  situation: Situation | null;
  confirmedWarnings: readonly string[];
}

/**
 * Splits the warnings into those to raise and those already confirmed, with an explanation, in
 * the previous report for the same values. Without this a municipality whose situation is
 * unusual but true would tick the same boxes and write the same reason every week.
 */
export function splitRepeatedWarnings(
  warnings: PlausibilityWarning[],
  current: { figures: Figures; situation: Situation | null },
  previous: ConfirmedReport | null,
): { raised: PlausibilityWarning[]; carried: PlausibilityWarning[] } {
  const sameValues = (warning: PlausibilityWarning) =>
    warning.fields.every((field) =>
      field === "situation" ? current.situation === previous!.situation : current.figures[field] === previous!.figures[field],
    );
  const repeated = (warning: PlausibilityWarning) =>
    previous !== null && previous.confirmedWarnings.includes(warning.code) && sameValues(warning);
  return { raised: warnings.filter((warning) => !repeated(warning)), carried: warnings.filter(repeated) };
}
