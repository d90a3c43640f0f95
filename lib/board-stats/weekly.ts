import { addDays, berlinDay, dayToDate } from "../dates";

// The board's weekly figures for the press office (/lage/boerse and its CSV): per ISO week
// (Monday to Sunday, German local time) how many offers came in, were confirmed, were reported
// as placed by their offerers or expired, and how many placements the municipalities recorded.
// Counts only: the input carries no field that could identify anyone.

/** Weeks shown, the current (running) week included. */
export const BOARD_WEEKS = 12;

export interface OfferTimesRow {
  status: "PENDING" | "PUBLISHED" | "PLACED" | "DELETED";
  createdAt: Date;
  confirmedAt: Date | null;
  expiresAt: Date | null;
  endedAt: Date | null;
}

export interface BoardWeekInput {
  offers: OfferTimesRow[];
  /** Days (YYYY-MM-DD) of the placements the municipalities recorded. */
  placements: { placedOn: string }[];
}

export const BOARD_WEEK_FIGURES = ["received", "confirmed", "placedByOfferers", "placementsRecorded", "expired"] as const;
export type BoardWeekFigure = (typeof BOARD_WEEK_FIGURES)[number];

/** Headings and definitions, defined once for the page, the chart and the CSV. */
export const BOARD_WEEK_LABELS: Record<BoardWeekFigure, { heading: string; definition: string }> = {
  received: {
    heading: "Angebote eingegangen",
    // Unconfirmed offers are deleted after 48 hours (lib/offers/maintenance.ts), so they drop out here.
    definition: "Angebote, die in der Woche abgeschickt wurden; unbestätigte nur bis zu ihrer Löschung nach 48 Stunden.",
  },
  confirmed: { heading: "Angebote bestätigt", definition: "Angebote, deren E-Mail-Bestätigung in der Woche einging; ab dann öffentlich." },
  placedByOfferers: {
    heading: "Als vermittelt gemeldet (Anbietende)",
    definition: "Angebote, die die Anbietenden in der Woche als vermittelt beendet haben.",
  },
  placementsRecorded: {
    heading: "Vermittlungen erfasst (Kommunen)",
    definition:
      "Vermittlungen über die Börse, die die Kommunen mit einem Datum in der Woche erfasst haben (ein Angebot kann mehrere haben). Überschneidet sich mit „Als vermittelt gemeldet“: nicht addieren.",
  },
  expired: {
    heading: "Abgelaufen",
    definition: "Angebote, deren Laufzeit in der Woche endete, ohne dass sie vorher verlängert oder beendet wurden.",
  },
};

export interface BoardWeek extends Record<BoardWeekFigure, number> {
  /** ISO week, e.g. "2026-W48". */
  week: string;
  /** Monday and Sunday of the week (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The week that is still running (its figures may grow). */
  current: boolean;
}

/** Monday of the week of a day. */
export function mondayOf(day: string): string {
  return addDays(day, -((dayToDate(day).getUTCDay() + 6) % 7));
}

/** "2026-W48" of the week starting on a Monday: the week belongs to the year of its Thursday. */
export function isoWeekOf(monday: string): string {
  const thursday = dayToDate(addDays(monday, 3));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** "KW 48/2026" */
export function weekLabel(week: string): string {
  return `KW ${Number(week.slice(6))}/${week.slice(0, 4)}`;
}

/** The first day (Monday) of the oldest week shown at `now`. */
export function firstBoardDay(now: Date, weeks = BOARD_WEEKS): string {
  return addDays(mondayOf(berlinDay(now)), -7 * (weeks - 1));
}

/** The weekly figures of the last `weeks` weeks at `now`, oldest first. */
export function boardWeeks(input: BoardWeekInput, now: Date, weeks = BOARD_WEEKS): BoardWeek[] {
  const currentMonday = mondayOf(berlinDay(now));
  const rows: BoardWeek[] = Array.from({ length: weeks }, (_, index) => {
    const from = addDays(currentMonday, -7 * (weeks - 1 - index));
    return {
      week: isoWeekOf(from),
      from,
      to: addDays(from, 6),
      current: from === currentMonday,
      received: 0,
      confirmed: 0,
      placedByOfferers: 0,
      placementsRecorded: 0,
      expired: 0,
    };
  });
  const byMonday = new Map(rows.map((row) => [row.from, row]));
  // Days outside the weeks shown (or after now) count nowhere.
  const count = (day: string, figure: BoardWeekFigure) => {
    const row = byMonday.get(mondayOf(day));
    if (row) row[figure] += 1;
  };
  const countInstant = (instant: Date | null, figure: BoardWeekFigure) => {
    if (instant && instant <= now) count(berlinDay(instant), figure);
  };

  for (const offer of input.offers) {
    countInstant(offer.createdAt, "received");
    countInstant(offer.confirmedAt, "confirmed");
    if (offer.status === "PLACED") countInstant(offer.endedAt, "placedByOfferers");
    // Expired: it was public and still running when its (last) expiry passed. An extension moved
    // the expiry, so only the last one counts; an offer ended before it did not expire.
    const lapsed =
      offer.status !== "PENDING" &&
      offer.confirmedAt !== null &&
      offer.expiresAt !== null &&
      (offer.endedAt === null || offer.endedAt >= offer.expiresAt);
    if (lapsed) countInstant(offer.expiresAt, "expired");
  }
  const today = berlinDay(now);
  for (const placement of input.placements) if (placement.placedOn <= today) count(placement.placedOn, "placementsRecorded");
  return rows;
}

/** Sums over the weeks shown. */
export function boardWeekTotals(rows: BoardWeek[]): Record<BoardWeekFigure, number> {
  return Object.fromEntries(BOARD_WEEK_FIGURES.map((figure) => [figure, rows.reduce((sum, row) => sum + row[figure], 0)])) as Record<
    BoardWeekFigure,
    number
  >;
}
