import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { formatNumber } from "@/lib/format";
import type { HelpPlacementView } from "@/lib/help/queries";
import { PLACEMENT_STATE_LABELS } from "@/lib/help/states";
import { placementPeriod } from "./placement-list";

/**
 * A municipality's current placements (as host and as requester) as a hint: the report keeps
 * reporting its own figures, the evaluation counts the agreed help apart.
 */
export function PlacementHint({ municipalityId, placements }: { municipalityId: string; placements: HelpPlacementView[] }) {
  if (placements.length === 0) return null;
  return (
    <Alert tone="info" title="Laufende Amtshilfe">
      <ul className="list-disc ps-5" data-testid="placement-hint">
        {placements.map((placement) => (
          <li key={placement.id}>
            {placement.requesterId === municipalityId
              ? `${formatNumber(placement.persons)} eigene Personen in ${placement.host} untergebracht`
              : `${formatNumber(placement.persons)} Personen aus ${placement.requester} aufgenommen`}
            , {placementPeriod(placement)} ({PLACEMENT_STATE_LABELS[placement.state]}) ·{" "}
            <Link href={`/amtshilfe/${placement.requestId}`} className="underline">
              Anfrage
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">Melden Sie Ihre eigenen Zahlen wie bisher; die Lage rechnet die vereinbarte Amtshilfe gesondert ein.</p>
    </Alert>
  );
}
