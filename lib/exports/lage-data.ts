import "server-only";
import { type Actor, can } from "../auth/actor";
import { countyOf, loadCountyEvaluation, loadCountyTrend } from "../capacity/queries";
import type { CountyEvaluation, CountyTotals } from "../capacity/evaluation";
import { addDays, berlinDay, dateToDay, dayToDate, formatDay, isRealDay } from "../dates";
import { db } from "../db/client";
import { slugify } from "../demo/county-csv";
import { AppError, forbidden } from "../errors";
import { COUNTED_REPORT } from "../capacity/report-row";

// What every export of the evaluation reads: the same evaluation /lage shows, for one Stand,
// with the county's totals at each reporting date of the twelve months before it.

export interface LageExport {
  countyName: string;
  countySlug: string;
  isDemo: boolean;
  stand: string;
  evaluation: CountyEvaluation;
  /** The evaluation at the reporting date before the Stand, for "seit dem …". */
  previous: CountyEvaluation | null;
  history: ({ asOf: string } & CountyTotals)[];
  generatedAt: Date;
  generatedBy: string;
}

const badStand = (message: string) => new AppError("VALIDATION", message, { stand: [message] });

/** Checks the requested Stand: a real day, not in the future, not before the county's first report. */
export async function resolveStand(actor: Actor, raw: unknown, today = berlinDay()): Promise<string> {
  const stand = raw === undefined || raw === null || raw === "" ? today : raw;
  if (typeof stand !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(stand) || !isRealDay(stand))
    throw badStand("Bitte ein Datum im Format JJJJ-MM-TT angeben.");
  if (stand > today) throw badStand("Der Stand darf nicht in der Zukunft liegen.");
  const first = await db().capacityReport.findFirst({
    where: { municipality: { countyId: actor.countyId }, ...COUNTED_REPORT },
    orderBy: { reportingDate: "asc" },
    select: { reportingDate: true },
  });
  if (!first) throw badStand("Für diesen Landkreis liegen noch keine Meldungen vor.");
  const firstDay = dateToDay(first.reportingDate);
  if (stand < firstDay) throw badStand(`Für diesen Stand liegen keine Meldungen vor; die erste Meldung ist vom ${formatDay(firstDay)}.`);
  return stand;
}

export async function loadLageExport(actor: Actor, rawStand: unknown, now = new Date()): Promise<LageExport> {
  if (!can(actor, "export:read")) throw forbidden();
  const stand = await resolveStand(actor, rawStand, berlinDay(now));
  const county = await countyOf(actor);
  const dates = await db().capacityReport.findMany({
    where: {
      municipality: { countyId: actor.countyId },
      AND: [COUNTED_REPORT, { reportingDate: { gte: dayToDate(addDays(stand, -365)), lte: dayToDate(stand) } }],
    },
    distinct: ["reportingDate"],
    orderBy: { reportingDate: "asc" },
    select: { reportingDate: true },
  });
  const historyDates = dates.map((row) => dateToDay(row.reportingDate));
  const previousDay = [...historyDates].reverse().find((day) => day < stand) ?? null;
  const [evaluation, history, previous] = await Promise.all([
    loadCountyEvaluation(actor, stand),
    loadCountyTrend(actor, historyDates),
    previousDay ? loadCountyEvaluation(actor, previousDay) : Promise.resolve(null),
  ]);
  return {
    countyName: county.name,
    countySlug: county.slug,
    isDemo: county.isDemo,
    stand,
    evaluation: evaluation!,
    previous,
    history,
    generatedAt: now,
    generatedBy: actor.name,
  };
}

/** e.g. lage-landkreis-musterland-2026-11-21.xlsx */
export function exportFileName(data: Pick<LageExport, "countyName" | "stand">, extension: string, suffix = ""): string {
  const slug = slugify(data.countyName);
  return `lage-${slug}${suffix ? `-${suffix}` : ""}-${data.stand}.${extension}`;
}
