import { Alert } from "@/components/ui/alert";
import type { PlacedSinceReport } from "@/lib/board-placements/queries";
import { formatDay } from "@/lib/dates";
import { formatNumber, persons } from "@/lib/format";

/**
 * The report form's hint: persons placed through the board since the latest report (all of them
 * before the first), so the clerk can check the housed figures. Nothing to say when there are none.
 */
export function PlacedSinceHint({ placed }: { placed: PlacedSinceReport | null }) {
  if (!placed || placed.placements === 0) return null;
  const households = placed.placements === 1 ? "1 Haushalt" : `${formatNumber(placed.placements)} Haushalte`;
  return (
    <Alert tone="info" title="Wohnraumbörse">
      <p data-testid="board-placement-hint">
        {placed.since ? `Seit der letzten Meldung (${formatDay(placed.since)})` : "Bisher (noch keine Meldung)"} über die Börse vermittelt:{" "}
        <strong>{persons(placed.persons)}</strong> ({households}).
      </p>
      <p className="mt-1 text-sm">Bitte prüfen Sie, ob sie in den untergebrachten Personen schon enthalten sind.</p>
    </Alert>
  );
}
