import { FIGURE_KEYS, type Figures, type Situation } from "../capacity/figures";

// The reference county's report table (domain.md §3). Column order = FIGURE_KEYS, then the
// rating. An empty cell is an unreported figure (null), not 0.
const COLUMNS = [
  "kommune",
  "zuweisungen",
  "ankuenfte",
  "keine_quotenanrechnung",
  "moegliche_quotenanrechnung",
  "zu_erfuellen",
  "untergebracht_gu",
  "untergebracht_dezentral",
  "verfuegbar_gu",
  "verfuegbar_dezentral",
  "in_aussicht_gu",
  "in_aussicht_dezentral",
  "einschaetzung",
] as const;

export interface CountyCsvRow {
  municipality: string;
  figures: Figures;
  situation: Situation | null;
}

export function parseCountyCsv(text: string): CountyCsvRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0]?.split(",").map((cell) => cell.trim());
  if (!header || header.join(",") !== COLUMNS.join(",")) {
    throw new Error(`Unexpected CSV header: ${lines[0]}`);
  }
  return lines.slice(1).map((line, index) => {
    const cells = line.split(",").map((cell) => cell.trim());
    if (cells.length !== COLUMNS.length) throw new Error(`CSV line ${index + 2} has ${cells.length} cells`);
    const figures = Object.fromEntries(
      FIGURE_KEYS.map((key, column) => {
        const cell = cells[column + 1]!;
        if (cell === "") return [key, null];
        const value = Number(cell);
        if (!Number.isInteger(value)) throw new Error(`CSV line ${index + 2}: ${key} is not a whole number`);
        return [key, value];
      }),
    ) as Figures;
    const rating = cells[COLUMNS.length - 1];
    const situation = rating === "ausreichend" ? "SUFFICIENT" : rating === "kritisch" ? "CRITICAL" : null;
    return { municipality: cells[0]!, figures, situation };
  });
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
