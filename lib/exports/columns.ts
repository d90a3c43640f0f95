import type { CountyEvaluation, CountyTotals, MunicipalityEvaluation } from "../capacity/evaluation";
import { FIGURE_KEYS, FIGURE_LABELS, SITUATION_LABELS, type FigureKey } from "../capacity/figures";
import { agreedHelpText } from "../capacity/agreed-help";
import { countyReachText, outlookNowText, outlookWithProspectText, roundWeekly } from "../capacity/outlook-text";

// The evaluation's columns, defined once: key, the county's own heading, how numbers are shown,
// and a plain-German explanation. The /lage table, the workbook, the CSV and the print report all
// read this list, so they can never show different columns or headings.

/** decimal: one decimal place (the outlook's average per week). */
export type ColumnFormat = "integer" | "decimal" | "text" | "day";

export interface EvaluationColumn {
  key: string;
  heading: string;
  format: ColumnFormat;
  explanation: string;
  value: (row: MunicipalityEvaluation) => number | string | null;
  /** The "Gesamt" row's value; undefined or null: the cell stays empty. */
  total?: (evaluation: CountyEvaluation) => number | string | null;
}

const sum = (evaluation: CountyEvaluation, pick: (row: MunicipalityEvaluation) => number | null) =>
  evaluation.rows.reduce((total, row) => total + (pick(row) ?? 0), 0);

const figureColumn = (key: FigureKey, heading: string, explanation: string): EvaluationColumn => ({
  key,
  heading,
  format: "integer",
  explanation,
  value: (row) => row.figures[key],
  total: (evaluation) => sum(evaluation, (row) => row.figures[key]),
});

/** The county's evaluation table (domain.md §3), in its printed order of columns. */
export const EVALUATION_COLUMNS: EvaluationColumn[] = [
  { key: "name", heading: "Kommune", format: "text", explanation: "Die Kommune des Landkreises.", value: (row) => row.name },
  figureColumn("allocations", "Zuweisungen", "Vom Land ausgesprochene Zuweisungen (Meldung, Zeile 1)."),
  figureColumn("quotaOutstanding", "Zu erfüllen", "Noch zu erfüllende Aufnahmequote (Zeile 5); negativ, wenn übererfüllt."),
  figureColumn("availableShared", "Verfügbar GU", "Jetzt freie Plätze in Gemeinschaftsunterkünften (Zeile 8)."),
  figureColumn("availableDecentral", "Verfügbar dezentral", "Jetzt freie Plätze in Wohnungen (Zeile 9)."),
  figureColumn("prospectiveShared", "In Aussicht GU", "Bald verfügbare Plätze in Gemeinschaftsunterkünften (Zeile 10)."),
  figureColumn("prospectiveDecentral", "In Aussicht dezentral", "Bald verfügbare Plätze in Wohnungen (Zeile 11)."),
  {
    key: "totalPlaces",
    heading: "Summe Plätze",
    format: "integer",
    explanation: "Verfügbare und in Aussicht stehende Plätze zusammen (Zeilen 8 bis 11).",
    value: (row) => row.totalPlaces,
    total: (evaluation) => evaluation.totals.totalAvailability,
  },
  {
    key: "shortfall",
    heading: "Bedarf",
    format: "integer",
    explanation:
      "Zu erfüllen (mindestens 0) minus Summe Plätze. Positiv: so viele Plätze fehlen; negativ: so viele Plätze sind frei. " +
      "Laufende Amtshilfe (vereinbarte Unterbringung in einer anderen Kommune) ist eingerechnet, siehe Spalte „Amtshilfe“. " +
      "In der Zeile „Gesamt“ steht der Saldo des Landkreises: benötigter Wohnraum (Summe von „Zu erfüllen“, auch negative) minus Summe Plätze.",
    value: (row) => row.shortfall,
    // The county's net figure (domain.md §3), not a sum of the clamped rows.
    total: (evaluation) => evaluation.totals.missingPlaces,
  },
  {
    key: "shortfallWord",
    heading: "fehlen/frei",
    format: "text",
    explanation: "Das Vorzeichen des Bedarfs in Worten: „fehlen“ oder „frei“.",
    value: (row) => shortfallWord(row.shortfall),
    // The Gesamt row says the sign of the county's net figure, like every other row.
    total: (evaluation) => shortfallWord(evaluation.totals.missingPlaces),
  },
  {
    key: "situation",
    heading: "Einschätzung",
    format: "text",
    explanation: "Die eigene Einschätzung der Kommune (Zeile 12): ausreichend oder kritisch.",
    value: (row) => (row.situation ? SITUATION_LABELS[row.situation] : null),
  },
  {
    key: "reportingDate",
    heading: "Meldedatum",
    format: "day",
    explanation: "Datum der Meldung, die für den Stand gilt.",
    value: (row) => row.reportingDate,
  },
  // The outlook (lib/capacity/outlook.ts): the Gesamt row holds the county's, pooled over the
  // municipalities with a forecast. Empty where no outlook was computed.
  {
    key: "weeklyAllocations",
    heading: "Neue Zuweisungen je Woche (Durchschnitt)",
    format: "decimal",
    explanation:
      "Zunahme der Zuweisungen (Zeile 1) je Woche im Durchschnitt der letzten Meldewochen (Einstellung des Landkreises, Standard 4), " +
      "auf eine Nachkommastelle gerundet. Leer: zu wenige Meldungen für eine Prognose.",
    value: (row) => (row.outlook?.kind === "FORECAST" ? roundWeekly(row.outlook.weeklyAllocations) : null),
    total: (evaluation) => (evaluation.outlook?.forecast ? roundWeekly(evaluation.outlook.forecast.weeklyAllocations) : null),
  },
  {
    key: "outlook",
    heading: "Reicht ca.",
    format: "text",
    explanation:
      "Wie viele Wochen die jetzt verfügbaren Plätze (Zeilen 8 und 9) bei diesem Durchschnitt neuer Zuweisungen reichen, abgerundet; " +
      "eine Schätzung unter der Annahme, dass jede neu zugewiesene Person einen Platz braucht und keine Plätze hinzukommen. " +
      "„kein Ende absehbar“: die Zuweisungen sind im Durchschnitt nicht gestiegen.",
    value: (row) => outlookNowText(row.outlook),
    total: (evaluation) => countyReachText(evaluation.outlook, "now"),
  },
  {
    key: "outlookWithProspect",
    heading: "Reicht ca. mit Plätzen in Aussicht",
    format: "text",
    explanation: "Wie „Reicht ca.“, mit den verfügbaren und den in Aussicht stehenden Plätzen (Zeilen 8 bis 11).",
    value: (row) => outlookWithProspectText(row.outlook),
    total: (evaluation) => countyReachText(evaluation.outlook, "withProspect"),
  },
  // Last, so the county's printed columns keep their places.
  {
    key: "boardOffers",
    heading: "Private Angebote (Börse)",
    format: "integer",
    explanation:
      "Angebote privater Wohnungsgeber, die am Stichtag auf der öffentlichen Wohnraumbörse stehen. " +
      "Sie sind nicht in den gemeldeten Zahlen enthalten und werden nicht zu den Plätzen gezählt.",
    value: (row) => row.boardOffers?.offers ?? null,
    total: (evaluation) => evaluation.boardOffers?.offers ?? null,
  },
  {
    key: "boardPersons",
    heading: "Personen in privaten Angeboten (Börse)",
    format: "integer",
    explanation:
      "Wie viele Personen die privaten Angebote der Börse zusammen aufnehmen könnten (nicht in den gemeldeten Plätzen enthalten).",
    value: (row) => row.boardOffers?.persons ?? null,
    total: (evaluation) => evaluation.boardOffers?.persons ?? null,
  },
  {
    key: "agreedHelp",
    heading: "Amtshilfe",
    format: "text",
    explanation:
      "Am Stichtag laufende, vereinbarte Unterbringung zwischen Kommunen (Amtshilfe). Sie verschiebt Bedarf zwischen Kommunen; " +
      "die gemeldeten Zahlen und die Summen des Landkreises ändert sie nicht.",
    value: (row) => agreedHelpText(row.agreedHelp),
  },
];

export function shortfallWord(shortfall: number): string {
  return shortfall > 0 ? "fehlen" : shortfall < 0 ? "frei" : "ausgeglichen";
}

/** The "Übersicht" sheet: the twelve reported figures under the county's headings, numbered. */
export const OVERVIEW_COLUMNS: EvaluationColumn[] = [
  { key: "name", heading: "Kommune", format: "text", explanation: "Die Kommune.", value: (row) => row.name },
  ...FIGURE_KEYS.map((key, index) => ({
    key,
    heading: `(${index + 1}) ${FIGURE_LABELS[key]}`,
    format: "integer" as const,
    explanation: FIGURE_LABELS[key],
    value: (row: MunicipalityEvaluation) => row.figures[key],
    total: (evaluation: CountyEvaluation) => sum(evaluation, (row) => row.figures[key]),
  })),
  {
    key: "situation",
    heading: "(12) Einschätzung der Lage",
    format: "text",
    explanation: "Die eigene Einschätzung der Kommune.",
    value: (row) => (row.situation ? SITUATION_LABELS[row.situation] : null),
  },
  { key: "reportingDate", heading: "Meldedatum", format: "day", explanation: "Datum der Meldung.", value: (row) => row.reportingDate },
];

/** The "Gesamt" row of a table, column by column (null where a column has no total). */
export function totalsRow(columns: EvaluationColumn[], evaluation: CountyEvaluation): (number | string | null)[] {
  return columns.map((column, index) => (index === 0 ? "Gesamt" : column.total ? column.total(evaluation) : null));
}

/** The Gesamt row by column key, for the /lage table. */
export function evaluationTotals(evaluation: CountyEvaluation): Record<string, number> {
  return Object.fromEntries(
    EVALUATION_COLUMNS.flatMap((column) => {
      const total = column.total?.(evaluation);
      return typeof total === "number" ? [[column.key, total]] : [];
    }),
  );
}

export function headingOf(key: string): string {
  return EVALUATION_COLUMNS.find((column) => column.key === key)?.heading ?? key;
}

export function explanationOf(key: string): string | undefined {
  return EVALUATION_COLUMNS.find((column) => column.key === key)?.explanation;
}

/** The county's totals at one reporting date (the "Verlauf" sheet and CSV table). */
type HistoryEntry = { asOf: string } & CountyTotals;

export const HISTORY_COLUMNS: { heading: string; value: (entry: HistoryEntry) => number }[] = [
  { heading: "Benötigter Wohnraum", value: (entry) => entry.placesNeeded },
  { heading: "Verfügbar jetzt", value: (entry) => entry.availableNow },
  { heading: "In Aussicht", value: (entry) => entry.prospective },
  { heading: "Verfügbarkeit gesamt", value: (entry) => entry.totalAvailability },
  { heading: "Fehlender Wohnraum (Saldo; negativ: frei)", value: (entry) => entry.missingPlaces },
  { heading: "Fehlende Plätze brutto", value: (entry) => entry.grossShortfall },
  { heading: "Kommunen mit Fehlbedarf", value: (entry) => entry.municipalitiesShort },
];

export const HISTORY_HEADINGS = ["Meldedatum", ...HISTORY_COLUMNS.map((column) => column.heading)];

export function historyValues(entry: HistoryEntry): number[] {
  return HISTORY_COLUMNS.map((column) => column.value(entry));
}
