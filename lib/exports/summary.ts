import type { CountyEvaluation } from "../capacity/evaluation";
import { countyOutlookSentence } from "../capacity/outlook-text";
import { formatDay } from "../dates";
import { formatNumber as number, places } from "../format";

// A German paragraph a press officer can paste into a release. Every number comes from the
// evaluation the tables show; singular and plural are German's ("1 Platz fehlt", "2 Plätze fehlen").

const shortDay = (day: string) => formatDay(day).slice(0, 6); // "14.11."

export function pressSummary(options: { countyName: string; evaluation: CountyEvaluation; previous?: CountyEvaluation | null }): string {
  const { evaluation, countyName, previous } = options;
  const { totals } = evaluation;
  const reported = evaluation.rows.filter((row) => row.reportingDate !== null);
  if (reported.length === 0) return `Stand ${formatDay(evaluation.asOf)}: Für diesen Stand liegen im ${countyName} keine Meldungen vor.`;

  const sentences: string[] = [];
  const needed = totals.placesNeeded;
  const balance = -totals.missingPlaces;
  const opening = `Stand ${formatDay(evaluation.asOf)}: Im ${countyName} stehen ${places(totals.totalAvailability)} für ${number(needed)} noch aufzunehmende ${needed === 1 ? "Person" : "Personen"} bereit`;
  sentences.push(
    balance > 0
      ? `${opening}, rechnerisch ${number(balance)} mehr als benötigt.`
      : balance < 0
        ? `${opening}; rechnerisch ${-balance === 1 ? "fehlt 1 Platz" : `fehlen ${places(-balance)}`}.`
        : `${opening}, rechnerisch genau so viele wie benötigt.`,
  );

  const short = evaluation.rows
    .filter((row) => row.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall || a.name.localeCompare(b.name, "de"));
  const total = evaluation.rows.length;
  if (short.length === 0) {
    sentences.push(`Keine der ${number(total)} Kommunen meldet fehlende Plätze.`);
  } else if (short.length === 1) {
    const only = short[0]!;
    sentences.push(
      `In ${only.name} ${only.shortfall === 1 ? "fehlt 1 Platz" : `fehlen ${places(only.shortfall)}`}${
        total === 1 ? "." : total === 2 ? "; die andere Kommune hat genug." : `; alle anderen ${number(total - 1)} Kommunen haben genug.`
      }`,
    );
  } else {
    const worst = short[0]!;
    sentences.push(
      `In ${number(short.length)} der ${number(total)} Kommunen fehlen zusammen ${places(totals.grossShortfall)}, am meisten in ${worst.name} (${number(worst.shortfall)}).`,
    );
  }

  if (previous && previous.rows.some((row) => row.reportingDate !== null)) {
    const change = totals.totalAvailability - previous.totals.totalAvailability;
    sentences.push(
      change > 0
        ? `Seit dem ${shortDay(previous.asOf)}: ${places(change)} mehr verfügbar.`
        : change < 0
          ? `Seit dem ${shortDay(previous.asOf)}: ${places(-change)} weniger verfügbar.`
          : `Seit dem ${shortDay(previous.asOf)} ist die Zahl der verfügbaren Plätze unverändert.`,
    );
  }
  // The outlook, from the same function as /lage's column (lib/capacity/outlook.ts).
  if (evaluation.outlook) sentences.push(countyOutlookSentence(evaluation.outlook));
  if (evaluation.reporting.withinInterval < evaluation.reporting.total) {
    const missing = evaluation.reporting.total - evaluation.reporting.withinInterval;
    sentences.push(
      `${number(missing)} ${missing === 1 ? "Kommune hat" : "Kommunen haben"} im Meldeintervall nicht gemeldet; für sie gilt ihre letzte Meldung.`,
    );
  }
  return sentences.join(" ");
}
