import { describe, expect, it } from "vitest";
import { evaluateCounty, type MunicipalityReportInput } from "../../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../../lib/capacity/figures";
import {
  countyOutlook,
  DEFAULT_OUTLOOK_SETTINGS,
  municipalityOutlook,
  projection,
  weekOf,
  windowReports,
  withOutlook,
  type AllocationReport,
  type MunicipalityOutlook,
} from "../../lib/capacity/outlook";
import {
  countyOutlookSentence,
  formatWeekly,
  municipalityOutlookSentence,
  outlookNowText,
  outlookWarning,
  outlookWithProspectText,
  reachCell,
} from "../../lib/capacity/outlook-text";
import { addDays } from "../../lib/dates";

const settings = DEFAULT_OUTLOOK_SETTINGS; // 4 weeks window, flag below 4 weeks
const asOf = "2026-11-20"; // a Friday

/** Weekly reports ending on asOf, oldest first, with the given allocations. */
const weekly = (allocations: (number | null)[], end = asOf): AllocationReport[] =>
  allocations.map((value, index) => ({ reportingDate: addDays(end, -7 * (allocations.length - 1 - index)), allocations: value }));

const places = (availableNow: number, prospective = 0) => ({ availableNow, prospective });

function forecast(outlook: MunicipalityOutlook) {
  if (outlook.kind !== "FORECAST") throw new Error(`expected a forecast, got ${outlook.kind}`);
  return outlook;
}

describe("a municipality's outlook", () => {
  it("takes the increase of allocations over the last 4 reporting weeks and divides the places by it", () => {
    // Older reports before the window do not count (a jump of 50 there changes nothing).
    const outlook = forecast(municipalityOutlook(places(10, 10), weekly([40, 90, 100, 102, 104, 106, 108]), asOf, settings));
    expect(outlook.weeklyAllocations).toBe(2);
    expect(outlook.fromDay).toBe(addDays(asOf, -28));
    expect(outlook.toDay).toBe(asOf);
    expect(outlook.now).toEqual({ kind: "RUNS_OUT", weeks: 5 });
    expect(outlook.withProspect).toEqual({ kind: "RUNS_OUT", weeks: 10 });
    expect(outlook.warning).toBe(false);
    expect(outlookNowText(outlook)).toBe("5 Wochen");
    expect(outlookWithProspectText(outlook)).toBe("10 Wochen");
    expect(municipalityOutlookSentence(outlook, settings)).toBe(
      "Bei durchschnittlich 2,0 neuen Zuweisungen je Woche (Meldungen vom 23.10.2026 bis 20.11.2026) reichen die jetzt freien Plätze (10) " +
        "rechnerisch ca. 5 Wochen, mit den Plätzen in Aussicht (10) ca. 10 Wochen.",
    );
  });

  it("averages per week over the days between the reports when a municipality reports irregularly", () => {
    const reports = [0, 10, 24, 31, 45].map((day, index) => ({ reportingDate: addDays(asOf, day - 45), allocations: 100 + index * 3 }));
    const outlook = forecast(municipalityOutlook(places(20), reports, asOf, settings));
    expect(outlook.weeklyAllocations).toBeCloseTo((12 * 7) / 45, 10);
  });

  it("says 'zu wenige Meldungen für eine Prognose' with too little history, never a number", () => {
    const tooFew = municipalityOutlook(places(10), weekly([100, 102, 104, 106]), asOf, settings);
    expect(tooFew).toEqual({ kind: "TOO_FEW_REPORTS", reportWeeks: 4, neededWeeks: 5 });
    expect(outlookNowText(tooFew)).toBe("zu wenige Meldungen für eine Prognose");
    expect(outlookWithProspectText(tooFew)).toBe("zu wenige Meldungen für eine Prognose");
    expect(outlookWarning(tooFew)).toBeNull();
    expect(municipalityOutlookSentence(tooFew, settings)).toBe(
      "Wie lange die Plätze reichen: zu wenige Meldungen für eine Prognose. Nötig sind Meldungen mit Zuweisungen aus 5 verschiedenen " +
        "Wochen der letzten 8 Wochen; vorhanden sind 4.",
    );
    // No report at all.
    expect(municipalityOutlook(places(0), [], asOf, settings)).toEqual({ kind: "TOO_FEW_REPORTS", reportWeeks: 0, neededWeeks: 5 });
    // Weeks whose report leaves the allocations blank do not count.
    expect(municipalityOutlook(places(10), weekly([100, 102, null, 106, 108]), asOf, settings).kind).toBe("TOO_FEW_REPORTS");
    // Two reports in one week count as one week.
    const twiceAWeek = [...weekly([100, 102, 104, 106]), { reportingDate: addDays(asOf, -1), allocations: 107 }];
    expect(municipalityOutlook(places(10), twiceAWeek, asOf, settings).kind).toBe("TOO_FEW_REPORTS");
    // Reports older than twice the window do not count: five weekly reports that end 5 weeks ago are too old.
    expect(municipalityOutlook(places(10), weekly([100, 102, 104, 106, 108], addDays(asOf, -35)), asOf, settings).kind).toBe(
      "TOO_FEW_REPORTS",
    );
    expect(municipalityOutlook(places(10), weekly([100, 102, 104, 106, 108], addDays(asOf, -21)), asOf, settings).kind).toBe("FORECAST");
  });

  it("expects no run-out when allocations did not rise (zero or negative intake)", () => {
    for (const allocations of [
      [50, 50, 50, 50, 50],
      [50, 52, 51, 49, 45],
    ]) {
      const outlook = forecast(municipalityOutlook(places(0), weekly(allocations), asOf, settings));
      expect(outlook.now).toEqual({ kind: "NO_INTAKE" });
      expect(outlook.withProspect).toEqual({ kind: "NO_INTAKE" });
      expect(outlook.warning).toBe(false);
      expect(outlookNowText(outlook)).toBe("kein Ende absehbar");
      expect(municipalityOutlookSentence(outlook, settings)).toBe(
        "Die Zuweisungen sind nicht gestiegen (Meldungen vom 23.10.2026 bis 20.11.2026); ein Ende der Plätze ist daraus nicht absehbar.",
      );
    }
  });

  it("flags fewer weeks than the threshold even while the municipality has a surplus today", () => {
    // 6 places free, nothing left to fulfil (a surplus of 6), but 2 new allocations a week.
    const outlook = forecast(municipalityOutlook(places(6, 20), weekly([10, 12, 14, 16, 18]), asOf, settings));
    expect(outlook.now).toEqual({ kind: "RUNS_OUT", weeks: 3 });
    expect(outlook.warning).toBe(true);
    expect(outlookWarning(outlook)).toBe("reicht nur ca. 3 Wochen");
    // The places in prospect do not lift the flag: they are not there yet.
    expect(outlookWithProspectText(outlook)).toBe("13 Wochen");
    // The threshold is the county's setting.
    expect(forecast(municipalityOutlook(places(6), weekly([10, 12, 14, 16, 18]), asOf, { ...settings, warningWeeks: 3 })).warning).toBe(
      false,
    );
    // No free places at all, and a few days.
    const none = forecast(municipalityOutlook(places(0, 4), weekly([10, 12, 14, 16, 18]), asOf, settings));
    expect(outlookWarning(none)).toBe("keine freien Plätze");
    expect(outlookNowText(none)).toBe("keine freien Plätze");
    expect(municipalityOutlookSentence(none, settings)).toBe(
      "Bei durchschnittlich 2,0 neuen Zuweisungen je Woche (Meldungen vom 23.10.2026 bis 20.11.2026) sind jetzt keine Plätze frei; " +
        "die Plätze in Aussicht (4) reichen rechnerisch ca. 2 Wochen.",
    );
    expect(outlookWarning(forecast(municipalityOutlook(places(1), weekly([10, 12, 14, 16, 18]), asOf, settings)))).toBe(
      "reicht nur wenige Tage",
    );
  });

  it("only reads reports up to the Stand date", () => {
    const reports = weekly([100, 101, 102, 103, 104, 150, 200]);
    const past = addDays(asOf, -14);
    const outlook = forecast(municipalityOutlook(places(8), reports, past, settings));
    expect(outlook.weeklyAllocations).toBe(1);
    expect(outlook.toDay).toBe(past);
    expect(windowReports(reports, past, settings).map((report) => report.allocations)).toEqual([100, 101, 102, 103, 104]);
    // One week further back there are only four weeks of history.
    expect(municipalityOutlook(places(8), reports, addDays(asOf, -21), settings).kind).toBe("TOO_FEW_REPORTS");
    // The window follows the setting.
    expect(forecast(municipalityOutlook(places(8), reports, asOf, { ...settings, windowWeeks: 1 })).weeklyAllocations).toBe(50);
  });

  it("rounds weeks down and says very long or very short spans in words", () => {
    const cell = (weeks: number) => reachCell({ kind: "RUNS_OUT", weeks });
    expect(cell(3.8)).toBe("3 Wochen");
    expect(cell(1.2)).toBe("1 Woche");
    expect(cell(0.5)).toBe("unter 1 Woche");
    expect(cell(0)).toBe("keine freien Plätze");
    expect(cell(52)).toBe("52 Wochen");
    expect(cell(52.5)).toBe("über 1 Jahr");
    expect(formatWeekly(3.25)).toBe("3,3");
    expect(formatWeekly(-0.5)).toBe("−0,5");
    // 11 places at 2.9 a week: 3.79 weeks, "ca. 3 Wochen", and under the threshold of 4.
    const outlook = forecast(municipalityOutlook(places(11), weekly([0, 2.9, 5.8, 8.7, 11.6]), asOf, settings));
    expect(outlookNowText(outlook)).toBe("3 Wochen");
    expect(outlookWarning(outlook)).toBe("reicht nur ca. 3 Wochen");
  });

  it("finds weeks as PostgreSQL's date_trunc('week') does (Monday)", () => {
    expect(weekOf("2026-11-16")).toBe("2026-11-16"); // Monday
    expect(weekOf("2026-11-22")).toBe("2026-11-16"); // Sunday
    expect(weekOf("2026-11-23")).toBe("2026-11-23");
  });
});

const none = Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures;
const town = (name: string, values: Partial<Figures>): MunicipalityReportInput => ({
  municipalityId: name,
  name,
  slug: name,
  report: { id: name, reportingDate: asOf, figures: { ...none, ...values }, situation: null },
});

describe("the county's outlook", () => {
  const evaluation = evaluateCounty(
    [
      town("Adorf", { quotaOutstanding: 0, availableShared: 10, prospectiveShared: 10 }),
      town("Bedorf", { quotaOutstanding: 5, availableDecentral: 2 }),
      town("Cedorf", { quotaOutstanding: 5, availableShared: 40 }),
      town("Dedorf", { quotaOutstanding: 1, availableShared: 99 }),
    ],
    { asOf, intervalDays: 7 },
  );
  const history = new Map([
    ["Adorf", weekly([100, 102, 104, 106, 108])], // 2 a week, 10 places: 5 weeks
    ["Bedorf", weekly([10, 11, 12, 13, 14])], // 1 a week, 2 places: 2 weeks, flagged
    ["Cedorf", weekly([7, 7, 7, 7, 7])], // none
    ["Dedorf", weekly([1, 2])], // too little history: its 99 places are left out
  ]);

  it("pools the allocations and places of the municipalities with a forecast, and counts the flagged ones", () => {
    const result = withOutlook(evaluation, history, settings);
    expect(result.rows.find((row) => row.name === "Bedorf")!.outlook).toMatchObject({ kind: "FORECAST", warning: true });
    expect(result.rows.find((row) => row.name === "Dedorf")!.outlook).toMatchObject({ kind: "TOO_FEW_REPORTS" });
    expect(result.outlook).toEqual({
      settings,
      forecast: {
        weeklyAllocations: 3,
        availableNow: 52,
        prospective: 10,
        now: { kind: "RUNS_OUT", weeks: 52 / 3 },
        withProspect: { kind: "RUNS_OUT", weeks: 62 / 3 },
        warning: false,
      },
      municipalitiesWithForecast: 3,
      municipalitiesTotal: 4,
      municipalitiesWarned: 1,
      municipalitiesNoneFree: 0,
    });
    // The evaluation itself is unchanged.
    expect(result.totals).toEqual(evaluation.totals);
    expect(countyOutlookSentence(result.outlook!)).toBe(
      "Bei durchschnittlich 3,0 neuen Zuweisungen je Woche (Durchschnitt der letzten 4 Meldewochen) reichen die jetzt freien Plätze " +
        "rechnerisch ca. 17 Wochen, mit den Plätzen in Aussicht ca. 20 Wochen. In 1 Kommune reichen die freien Plätze weniger als 4 Wochen. " +
        "Gerechnet mit 3 von 4 Kommunen; für 1 Kommune liegen zu wenige Meldungen vor.",
    );
  });

  it("has no forecast when no municipality has enough history, and none when allocations did not rise", () => {
    const few = countyOutlook([{ outlook: { kind: "TOO_FEW_REPORTS", reportWeeks: 1, neededWeeks: 5 } }], settings);
    expect(few.forecast).toBeNull();
    expect(countyOutlookSentence(few)).toBe("Wie lange die Plätze im Landkreis reichen: zu wenige Meldungen für eine Prognose.");
    const flat = withOutlook(evaluation, new Map([["Cedorf", weekly([7, 7, 7, 7, 7])]]), { windowWeeks: 1, warningWeeks: 2 });
    expect(flat.outlook!.forecast!.now).toEqual({ kind: "NO_INTAKE" });
    expect(countyOutlookSentence(flat.outlook!)).toBe(
      "Die Zuweisungen im Landkreis sind im Durchschnitt der letzten Meldewoche nicht gestiegen; ein Ende der Plätze ist daraus nicht absehbar. " +
        "Gerechnet mit 1 von 4 Kommunen; für 3 Kommunen liegen zu wenige Meldungen vor.",
    );
  });

  it("says how many flagged municipalities have no place free at all", () => {
    const rising = weekly([10, 12, 14, 16, 18]);
    const outlookOf = (availableNow: number) => ({ outlook: municipalityOutlook(places(availableNow), rising, asOf, settings) });
    const sentence = (...free: number[]) =>
      countyOutlookSentence(countyOutlook(free.map(outlookOf), settings)).split(/(?<=\.) (?=In )/)[1] ?? "";
    expect(sentence(0, 4, 100)).toBe(
      "In 2 Kommunen reichen die freien Plätze weniger als 4 Wochen, in 1 davon ist schon keiner mehr frei.",
    );
    expect(sentence(0, 100)).toBe("In 1 Kommune ist schon kein Platz mehr frei.");
    expect(sentence(0, 0, 100)).toBe("In 2 Kommunen ist schon kein Platz mehr frei.");
    expect(sentence(100, 100)).toBe("");
  });

  it("projects the places available now week by week until they are used up", () => {
    const result = withOutlook(evaluation, history, settings);
    const points = projection(result.outlook!.forecast!, asOf);
    expect(points).toHaveLength(12); // 17.3 weeks, cut at 12
    expect(points[0]).toEqual({ asOf: addDays(asOf, 7), availableNow: 49 });
    expect(points[11]).toEqual({ asOf: addDays(asOf, 84), availableNow: 16 });
    const short = forecast(municipalityOutlook(places(5), weekly([0, 2, 4, 6, 8]), asOf, settings));
    expect(projection(short, asOf).map((point) => point.availableNow)).toEqual([3, 1, 0]);
    expect(projection(forecast(municipalityOutlook(places(5), weekly([1, 1, 1, 1, 1]), asOf, settings)), asOf)).toEqual([]);
  });
});
