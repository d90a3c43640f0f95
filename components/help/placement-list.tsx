import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import type { HelpPlacementView } from "@/lib/help/queries";
import { PLACEMENT_STATE_LABELS } from "@/lib/help/states";

export function placementPeriod(placement: Pick<HelpPlacementView, "startsOn" | "endsOn" | "endedOn">): string {
  const end = placement.endedOn ?? placement.endsOn;
  return end ? `${formatDay(placement.startsOn)} bis ${formatDay(end)}` : `ab ${formatDay(placement.startsOn)}, unbefristet`;
}

/** Placements in words: "12 Personen aus Kommune M in Kommune R, ab …, läuft". */
export function PlacementList({ placements, linkToRequest = true }: { placements: HelpPlacementView[]; linkToRequest?: boolean }) {
  if (placements.length === 0) return <p className="text-slate-700">Noch keine vereinbarte Unterbringung.</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="placements">
      {placements.map((placement) => (
        <li key={placement.id} className="rounded-lg bg-white p-3 shadow" data-testid="placement">
          <strong>
            {formatNumber(placement.persons)} {placement.persons === 1 ? "Person" : "Personen"} aus {placement.requester} in{" "}
            {placement.host}
          </strong>
          , {placementPeriod(placement)} · <span className="font-medium">{PLACEMENT_STATE_LABELS[placement.state]}</span>
          {linkToRequest && (
            <>
              {" "}
              ·{" "}
              <Link href={`/amtshilfe/${placement.requestId}`} className="text-brand-700 underline">
                zur Anfrage
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
