import { dateToDay } from "../dates";
import { formatNumber } from "../format";
import type { HelpOfferStatus, HelpRequestStatus } from "../db/generated/enums";

// States of inter-municipal help as plain functions (unit-tested). A placement's state follows
// from its dates, so a past Stand sees exactly what ran on that day.

export type PlacementState = "AGREED" | "RUNNING" | "ENDED";

export interface PlacementDates {
  startsOn: string;
  /** Planned end (exclusive), null: open-ended. */
  endsOn: string | null;
  /** Ended early (exclusive), null: not ended. */
  endedOn: string | null;
}

/** A placement row's dates (database dates) as days. */
export function placementDays(row: { startsOn: Date; endsOn: Date | null; endedOn: Date | null }): PlacementDates {
  return {
    startsOn: dateToDay(row.startsOn),
    endsOn: row.endsOn ? dateToDay(row.endsOn) : null,
    endedOn: row.endedOn ? dateToDay(row.endedOn) : null,
  };
}

/** The day it stops running (exclusive), or null while open-ended. */
export function placementEnd(placement: PlacementDates): string | null {
  const ends = [placement.endsOn, placement.endedOn].filter((day): day is string => day !== null);
  return ends.length ? ends.sort()[0]! : null;
}

export function placementState(placement: PlacementDates, day: string): PlacementState {
  const end = placementEnd(placement);
  if (end !== null && day >= end) return "ENDED";
  return day >= placement.startsOn ? "RUNNING" : "AGREED";
}

export const PLACEMENT_STATE_LABELS: Record<PlacementState, string> = {
  AGREED: "vereinbart",
  RUNNING: "läuft",
  ENDED: "beendet",
};

export const REQUEST_STATUS_LABELS: Record<HelpRequestStatus, string> = {
  OPEN: "offen",
  PARTLY_COVERED: "teilweise gedeckt",
  COVERED: "gedeckt",
  WITHDRAWN: "zurückgezogen",
};

export const OFFER_STATUS_LABELS: Record<HelpOfferStatus, string> = {
  OPEN: "offen",
  ACCEPTED: "angenommen",
  WITHDRAWN: "zurückgezogen",
  CLOSED: "erledigt",
};

/** A request's status from the persons its agreed placements cover. */
export function coverageStatus(persons: number, placedPersons: number): HelpRequestStatus {
  if (placedPersons <= 0) return "OPEN";
  return placedPersons >= persons ? "COVERED" : "PARTLY_COVERED";
}

/** Whether offers can still be made or accepted. */
export function acceptsOffers(status: HelpRequestStatus): boolean {
  return status === "OPEN" || status === "PARTLY_COVERED";
}

/** "58 von 73 Personen gedeckt". */
export function coverageText(persons: number, placedPersons: number): string {
  return `${formatNumber(Math.min(placedPersons, persons))} von ${formatNumber(persons)} Personen gedeckt`;
}
