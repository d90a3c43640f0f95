// The twelve figures of a municipal report (domain.md §2), in the county's order.
export const FIGURE_KEYS = [
  "allocations",
  "arrivals",
  "notCredited",
  "possiblyCredited",
  "quotaOutstanding",
  "housedShared",
  "housedDecentral",
  "availableShared",
  "availableDecentral",
  "prospectiveShared",
  "prospectiveDecentral",
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];

/** null = not reported, which is different from 0. */
export type Figures = Record<FigureKey, number | null>;

export const FIGURE_LABELS: Record<FigureKey, string> = {
  allocations: "Vom Land ausgesprochene Zuweisungen",
  arrivals: "davon Ankünfte vor Ort",
  notCredited: "Keine Quotenanrechnung",
  possiblyCredited: "Mögliche Quotenanrechnung",
  quotaOutstanding: "Zu erfüllen",
  housedShared: "Untergebracht in Gemeinschaftsunterkünften",
  housedDecentral: "Dezentral untergebracht",
  availableShared: "Verfügbar in Gemeinschaftsunterkünften",
  availableDecentral: "Verfügbar dezentral",
  prospectiveShared: "In Aussicht, Gemeinschaftsunterkünfte",
  prospectiveDecentral: "In Aussicht, dezentral",
};

/** Short labels for table headers and flags. */
export const FIGURE_SHORT_LABELS: Record<FigureKey, string> = {
  allocations: "Zuweisungen",
  arrivals: "Ankünfte",
  notCredited: "Keine Anrechnung",
  possiblyCredited: "Mögliche Anrechnung",
  quotaOutstanding: "Zu erfüllen",
  housedShared: "Untergebracht GU",
  housedDecentral: "Untergebracht dezentral",
  availableShared: "Verfügbar GU",
  availableDecentral: "Verfügbar dezentral",
  prospectiveShared: "In Aussicht GU",
  prospectiveDecentral: "In Aussicht dezentral",
};

/** Only the quota still to fulfil may be negative (over-fulfilled). */
export const MAY_BE_NEGATIVE: ReadonlySet<FigureKey> = new Set(["quotaOutstanding"]);

export const SITUATION_LABELS = { SUFFICIENT: "ausreichend", CRITICAL: "kritisch" } as const;
export type Situation = keyof typeof SITUATION_LABELS;
