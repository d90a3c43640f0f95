import { formatDay } from "../dates";
import { formatNumber } from "../format";
import type { CountyOutlook, MunicipalityOutlook, OutlookSettings, Reach } from "./outlook";
import { OUTLOOK_HORIZON_WEEKS } from "./outlook";

// The outlook in German words, the same for /lage, the municipality page, the chart and every
// export. Weeks are rounded down ("ca. 3 Wochen" for 3.8): the places run out during the next
// week, so rounding up would promise a week too many.

export const TOO_FEW_REPORTS = "zu wenige Meldungen für eine Prognose";
/** Zero or negative average intake: allocations did not rise, so nothing uses the places up. */
export const NO_INTAKE = "kein Ende absehbar";

const oneDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** An average per week with one decimal: "3,5", "−0,3". */
export function formatWeekly(value: number): string {
  return oneDecimal.format(value).replace("-", "−");
}

/** The average as a figure with one decimal, as the exports store it. */
export const roundWeekly = (value: number) => Math.round(value * 10) / 10;

export const weeksWord = (weeks: number) => `${formatNumber(weeks)} ${weeks === 1 ? "Woche" : "Wochen"}`;

/** How long, after "reicht": "ca. 3 Wochen", "weniger als 1 Woche", "mehr als 1 Jahr"; null: no places left. */
export function spanOf(weeks: number): string | null {
  if (weeks <= 0) return null;
  if (weeks < 1) return "weniger als 1 Woche";
  if (weeks > OUTLOOK_HORIZON_WEEKS) return "mehr als 1 Jahr";
  return `ca. ${weeksWord(Math.floor(weeks))}`;
}

/** A table cell under the heading "Reicht ca.": "3 Wochen", "unter 1 Woche", "keine freien Plätze". */
export function reachCell(reach: Reach, noPlaces = "keine freien Plätze"): string {
  if (reach.kind === "NO_INTAKE") return NO_INTAKE;
  if (reach.weeks <= 0) return noPlaces;
  if (reach.weeks < 1) return "unter 1 Woche";
  if (reach.weeks > OUTLOOK_HORIZON_WEEKS) return "über 1 Jahr";
  return weeksWord(Math.floor(reach.weeks));
}

/** The column "Reicht ca." (places available now); null where no outlook was computed. */
export function outlookNowText(outlook: MunicipalityOutlook | undefined): string | null {
  if (!outlook) return null;
  return outlook.kind === "FORECAST" ? reachCell(outlook.now) : TOO_FEW_REPORTS;
}

/** The column "Reicht ca. mit Plätzen in Aussicht". */
export function outlookWithProspectText(outlook: MunicipalityOutlook | undefined): string | null {
  if (!outlook) return null;
  return outlook.kind === "FORECAST" ? reachCell(outlook.withProspect, "keine Plätze") : TOO_FEW_REPORTS;
}

/** As a phrase: "reicht ca. 3 Wochen", "keine freien Plätze", "kein Ende absehbar", or TOO_FEW_REPORTS. */
export function outlookPhrase(outlook: MunicipalityOutlook): string {
  if (outlook.kind === "TOO_FEW_REPORTS") return TOO_FEW_REPORTS;
  if (outlook.now.kind === "NO_INTAKE") return NO_INTAKE;
  const span = spanOf(outlook.now.weeks);
  return span ? `reicht ${span}` : "keine freien Plätze";
}

/** The Gesamt row's "Reicht ca." (the county's, pooled); null where no outlook was computed. */
export function countyReachText(outlook: CountyOutlook | undefined, which: "now" | "withProspect"): string | null {
  if (!outlook) return null;
  if (!outlook.forecast) return TOO_FEW_REPORTS;
  return which === "now" ? reachCell(outlook.forecast.now) : reachCell(outlook.forecast.withProspect, "keine Plätze");
}

/** The flag beside the colour, in words: "reicht nur ca. 2 Wochen"; null: no flag. */
export function warningText(reach: Reach | undefined, warning: boolean): string | null {
  if (!warning || !reach || reach.kind !== "RUNS_OUT") return null;
  if (reach.weeks <= 0) return "keine freien Plätze";
  if (reach.weeks < 1) return "reicht nur wenige Tage";
  return `reicht nur ca. ${weeksWord(Math.floor(reach.weeks))}`;
}

export function outlookWarning(outlook: MunicipalityOutlook | undefined): string | null {
  return outlook?.kind === "FORECAST" ? warningText(outlook.now, outlook.warning) : null;
}

/** "der letzten 4 Meldewochen", "der letzten Meldewoche" (genitive, after "im Durchschnitt"). */
export function windowPhrase(settings: OutlookSettings): string {
  return settings.windowWeeks === 1 ? "der letzten Meldewoche" : `der letzten ${formatNumber(settings.windowWeeks)} Meldewochen`;
}

/** What every estimate assumes, said beside it. */
export function assumptions(settings: OutlookSettings): string {
  return (
    `Schätzung unter der Annahme, dass jede neu zugewiesene Person einen freien Platz braucht, keine Plätze hinzukommen ` +
    `und die Zuweisungen weitergehen wie im Durchschnitt ${windowPhrase(settings)}.`
  );
}

/** "reichen die jetzt freien Plätze (20) rechnerisch ca. 8 Wochen, mit den Plätzen in Aussicht (45) ca. 26 Wochen" */
function reachClause(forecast: { now: Reach; withProspect: Reach; availableNow: number; prospective: number }, counts: boolean): string {
  const count = (value: number) => (counts ? ` (${formatNumber(value)})` : "");
  const now = forecast.now.kind === "RUNS_OUT" ? spanOf(forecast.now.weeks) : null;
  const withProspect = forecast.withProspect.kind === "RUNS_OUT" ? spanOf(forecast.withProspect.weeks) : null;
  const prospect = forecast.prospective > 0 && withProspect !== null;
  if (now === null) {
    return `sind jetzt keine Plätze frei${prospect ? `; die Plätze in Aussicht${count(forecast.prospective)} reichen rechnerisch ${withProspect}` : ""}`;
  }
  return (
    `reichen die jetzt freien Plätze${count(forecast.availableNow)} rechnerisch ${now}` +
    (prospect ? `, mit den Plätzen in Aussicht${count(forecast.prospective)} ${withProspect}` : "")
  );
}

/** The municipality page's sentence. */
export function municipalityOutlookSentence(outlook: MunicipalityOutlook, settings: OutlookSettings): string {
  if (outlook.kind === "TOO_FEW_REPORTS") {
    return (
      `Wie lange die Plätze reichen: ${TOO_FEW_REPORTS}. Nötig sind Meldungen mit Zuweisungen aus ${formatNumber(outlook.neededWeeks)} ` +
      `verschiedenen Wochen der letzten ${formatNumber(2 * settings.windowWeeks)} Wochen; vorhanden sind ${formatNumber(outlook.reportWeeks)}.`
    );
  }
  const period = `Meldungen vom ${formatDay(outlook.fromDay)} bis ${formatDay(outlook.toDay)}`;
  if (outlook.now.kind === "NO_INTAKE") {
    return `Die Zuweisungen sind nicht gestiegen (${period}); ein Ende der Plätze ist daraus nicht absehbar.`;
  }
  return `Bei durchschnittlich ${formatWeekly(outlook.weeklyAllocations)} neuen Zuweisungen je Woche (${period}) ${reachClause(outlook, true)}.`;
}

/** The county's sentence, for the totals on /lage and the press summary. */
export function countyOutlookSentence(outlook: CountyOutlook): string {
  const { forecast, settings } = outlook;
  if (!forecast) return `Wie lange die Plätze im Landkreis reichen: ${TOO_FEW_REPORTS}.`;
  const sentences: string[] = [];
  sentences.push(
    forecast.now.kind === "NO_INTAKE"
      ? `Die Zuweisungen im Landkreis sind im Durchschnitt ${windowPhrase(settings)} nicht gestiegen; ein Ende der Plätze ist daraus nicht absehbar.`
      : `Bei durchschnittlich ${formatWeekly(forecast.weeklyAllocations)} neuen Zuweisungen je Woche (Durchschnitt ${windowPhrase(settings)}) ` +
          `${reachClause(forecast, false)}.`,
  );
  const { municipalitiesWarned: warned, municipalitiesNoneFree: noneFree } = outlook;
  const municipalities = (count: number) => (count === 1 ? "1 Kommune" : `${formatNumber(count)} Kommunen`);
  if (warned > 0 && noneFree === warned) {
    sentences.push(`In ${municipalities(noneFree)} ist schon kein Platz mehr frei.`);
  } else if (warned > 0) {
    sentences.push(
      `In ${municipalities(warned)} reichen die freien Plätze weniger als ${weeksWord(settings.warningWeeks)}` +
        (noneFree > 0 ? `, in ${formatNumber(noneFree)} davon ist schon keiner mehr frei.` : "."),
    );
  }
  if (outlook.municipalitiesWithForecast < outlook.municipalitiesTotal) {
    const rest = outlook.municipalitiesTotal - outlook.municipalitiesWithForecast;
    sentences.push(
      `Gerechnet mit ${formatNumber(outlook.municipalitiesWithForecast)} von ${formatNumber(outlook.municipalitiesTotal)} Kommunen; ` +
        `für ${rest === 1 ? "1 Kommune liegen" : `${formatNumber(rest)} Kommunen liegen`} zu wenige Meldungen vor.`,
    );
  }
  return sentences.join(" ");
}
