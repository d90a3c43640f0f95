import type { CountyOutlook, MunicipalityOutlook, Reach } from "@/lib/capacity/outlook";
import { countyReachText, formatWeekly, reachCell, TOO_FEW_REPORTS } from "@/lib/capacity/outlook-text";

// The "Reicht ca." cell of /lage: the weeks for the places available now, with the places in
// prospect on a second line. Words come from lib/capacity/outlook-text.ts, as in the exports.

function Cell({
  now,
  withProspect,
  prospect,
  warning,
  title,
}: {
  now: string;
  withProspect: string | null;
  prospect: boolean;
  warning: boolean;
  title?: string;
}) {
  return (
    <span className="block max-w-32" title={title}>
      <span className={warning ? "font-semibold text-red-800" : undefined}>{now}</span>
      {prospect && withProspect !== null && <span className="block text-xs text-slate-700">mit Aussicht: {withProspect}</span>}
    </span>
  );
}

const perWeek = (weekly: number) => `Durchschnitt ${formatWeekly(weekly)} neue Zuweisungen je Woche`;
const showsProspect = (reach: Reach, prospective: number) => reach.kind === "RUNS_OUT" && prospective > 0;

export function OutlookValue({ outlook }: { outlook: MunicipalityOutlook | undefined }) {
  if (!outlook) return <>–</>;
  if (outlook.kind === "TOO_FEW_REPORTS") return <span className="block max-w-32 text-xs text-slate-700">{TOO_FEW_REPORTS}</span>;
  return (
    <Cell
      now={reachCell(outlook.now)}
      withProspect={reachCell(outlook.withProspect, "keine Plätze")}
      prospect={showsProspect(outlook.withProspect, outlook.prospective)}
      warning={outlook.warning}
      title={perWeek(outlook.weeklyAllocations)}
    />
  );
}

/** The Gesamt row's cell: the county's outlook, pooled over the municipalities with a forecast. */
export function CountyOutlookValue({ outlook }: { outlook: CountyOutlook | undefined }) {
  if (!outlook) return null;
  const { forecast } = outlook;
  if (!forecast) return <span className="block max-w-32 text-xs font-normal text-slate-700">{TOO_FEW_REPORTS}</span>;
  return (
    <Cell
      now={countyReachText(outlook, "now")!}
      withProspect={countyReachText(outlook, "withProspect")}
      prospect={showsProspect(forecast.withProspect, forecast.prospective)}
      warning={forecast.warning}
      title={perWeek(forecast.weeklyAllocations)}
    />
  );
}
