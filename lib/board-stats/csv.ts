import { formatDay } from "../dates";
import { csvDocument, csvLine } from "../exports/csv";
import { BOARD_WEEK_FIGURES, BOARD_WEEK_LABELS, boardWeekTotals, weekLabel, type BoardWeek } from "./weekly";

// The weekly board figures as CSV for German Excel, written like the /lage exports (lib/exports/csv.ts):
// UTF-8 with BOM, ";", dates TT.MM.JJJJ, a Gesamt row last. Counts only.

export const BOARD_CSV_HEADINGS = ["Kalenderwoche", "Von", "Bis", ...BOARD_WEEK_FIGURES.map((figure) => BOARD_WEEK_LABELS[figure].heading)];

export function boardWeeksCsv(rows: BoardWeek[]): string {
  const totals = boardWeekTotals(rows);
  return csvDocument([
    csvLine(BOARD_CSV_HEADINGS),
    ...rows.map((row) =>
      csvLine([
        `${weekLabel(row.week)}${row.current ? " (laufend)" : ""}`,
        formatDay(row.from),
        formatDay(row.to),
        ...BOARD_WEEK_FIGURES.map((figure) => row[figure]),
      ]),
    ),
    csvLine([
      "Gesamt",
      rows[0] ? formatDay(rows[0].from) : null,
      rows.at(-1) ? formatDay(rows.at(-1)!.to) : null,
      ...BOARD_WEEK_FIGURES.map((figure) => totals[figure]),
    ]),
  ]);
}
