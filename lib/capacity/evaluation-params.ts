import { z } from "zod";
import { berlinDay, formatDay } from "../dates";
import { MIN_DAY } from "../validation";

// The /lage page keeps its state in the URL: ?stand=YYYY-MM-DD&sort=column.asc&q=name&knapp=1

export const SORTABLE_COLUMNS = [
  "name",
  "allocations",
  "quotaOutstanding",
  "availableShared",
  "availableDecentral",
  "prospectiveShared",
  "prospectiveDecentral",
  "totalPlaces",
  "shortfall",
  "situation",
  "reportingDate",
  "outlook",
  "flags",
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export interface EvaluationParams {
  asOf: string;
  /** Set when the requested date was unusable and today was taken instead. */
  asOfError?: string;
  sort: { id: SortableColumn; desc: boolean };
  query: string;
  shortOnly: boolean;
}

/** Most places missing first: the task force's question. The county's printed order is shortfall ascending. */
export const DEFAULT_SORT = { id: "shortfall", desc: true } as const;
export const COUNTY_ORDER = { id: "shortfall", desc: false } as const;

export function parseEvaluationParams(params: Record<string, string | string[] | undefined>, today = berlinDay()): EvaluationParams {
  const single = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]) ?? "";
  const stand = single("stand");
  let asOf = today;
  let asOfError: string | undefined;
  if (stand) {
    const parsed = z.iso.date().safeParse(stand);
    if (!parsed.success) asOfError = "Das Datum ist ungültig; gezeigt wird der heutige Stand.";
    else if (stand < MIN_DAY) asOfError = `Der Stand darf nicht vor dem ${formatDay(MIN_DAY)} liegen; gezeigt wird der heutige Stand.`;
    else if (stand > today) asOfError = "Der Stand darf nicht in der Zukunft liegen; gezeigt wird der heutige Stand.";
    else asOf = stand;
  }
  const [column, direction] = single("sort").split(".");
  const sort = (SORTABLE_COLUMNS as readonly string[]).includes(column ?? "")
    ? { id: column as SortableColumn, desc: direction === "desc" }
    : DEFAULT_SORT;
  return { asOf, asOfError, sort, query: single("q").slice(0, 100), shortOnly: single("knapp") === "1" };
}
