import Link from "next/link";
import { createColumnHelper, type RowData } from "@tanstack/react-table";
import type { MunicipalityEvaluation } from "@/lib/capacity/evaluation";
import { SITUATION_LABELS } from "@/lib/capacity/figures";
import { outlookWarning } from "@/lib/capacity/outlook-text";
import { headingOf } from "@/lib/exports/columns";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import { BoardOffersValue } from "./board-offers-value";
import { FigureValue, ShortfallValue } from "./figure-value";
import { OutlookValue } from "./outlook-value";
import { RowFlags } from "./row-flags";

declare module "@tanstack/react-table" {
  // Our columns say whether they hold numbers (right-aligned, tabular figures).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match TanStack's declaration
  interface ColumnMeta<TData extends RowData, TValue> {
    numeric?: boolean;
    /** A detail column: left out below md, so a phone shows Kommune, Bedarf and Hinweise at once. */
    detail?: boolean;
    /** Shown only from 1,400 px: the whole table still fits a 1,280 px screen without it. */
    wide?: boolean;
  }
}

function outlookSortValue(row: MunicipalityEvaluation): number | undefined {
  if (row.outlook?.kind !== "FORECAST") return undefined;
  return row.outlook.now.kind === "RUNS_OUT" ? row.outlook.now.weeks : Number.MAX_SAFE_INTEGER;
}

/** Classes of a detail column's cells. */
export const DETAIL_CELL = "hidden md:table-cell";
const WIDE_CELL = "hidden min-[1400px]:table-cell";

/** Where a column's cells show: every width, from md (detail), or from 1,400 px (wide). */
export function visibilityClass(meta: { detail?: boolean; wide?: boolean } | undefined): string {
  return meta?.wide ? WIDE_CELL : meta?.detail ? DETAIL_CELL : "";
}

const column = createColumnHelper<MunicipalityEvaluation>();

const numeric = (id: keyof MunicipalityEvaluation["figures"]) =>
  column.accessor((row) => row.figures[id], {
    id,
    header: headingOf(id),
    cell: (info) => <FigureValue value={info.getValue()} />,
    sortUndefined: "last",
    sortingFn: (a, b) => (a.original.figures[id] ?? -Infinity) - (b.original.figures[id] ?? -Infinity),
    meta: { numeric: true, detail: true },
  });

/** The columns of /lage, with the headings every export uses (lib/exports/columns.ts). */
export function evaluationColumns(asOf: string, remindedOn: Record<string, string>) {
  return [
    column.accessor("name", {
      header: headingOf("name"),
      cell: (info) => (
        <Link href={`/kommunen/${info.row.original.slug}`} className="font-medium text-brand-700 underline">
          {info.getValue()}
        </Link>
      ),
      sortingFn: (a, b) => a.original.name.localeCompare(b.original.name, "de"),
      filterFn: (row, _id, value: string) => row.original.name.toLocaleLowerCase("de").includes(value.toLocaleLowerCase("de")),
    }),
    numeric("allocations"),
    numeric("quotaOutstanding"),
    numeric("availableShared"),
    numeric("availableDecentral"),
    numeric("prospectiveShared"),
    numeric("prospectiveDecentral"),
    column.accessor("totalPlaces", {
      header: headingOf("totalPlaces"),
      cell: (info) => formatNumber(info.getValue()),
      meta: { numeric: true, detail: true },
    }),
    column.accessor("shortfall", {
      header: headingOf("shortfall"),
      cell: (info) => <ShortfallValue shortfall={info.getValue()} />,
      filterFn: (row, _id, value: boolean) => !value || row.original.shortfall > 0,
      meta: { numeric: true },
    }),
    column.accessor((row) => row.situation ?? "", {
      id: "situation",
      header: headingOf("situation"),
      cell: (info) => (info.row.original.situation ? SITUATION_LABELS[info.row.original.situation] : <FigureValue value={null} />),
      // On a phone the "Widerspruch" flag says what matters of the rating.
      meta: { detail: true },
    }),
    column.accessor((row) => row.reportingDate ?? "", {
      id: "reportingDate",
      header: headingOf("reportingDate"),
      cell: (info) => (info.row.original.reportingDate ? formatDay(info.row.original.reportingDate) : "–"),
      // On a phone the "veraltet" flag says what matters of the date.
      meta: { detail: true },
    }),
    // Weeks the places available now last: shortest first; "kein Ende absehbar" after every
    // number, "zu wenige Meldungen" last. On a phone the flag "reicht nur ca. 2 Wochen" says what matters.
    column.accessor((row) => outlookSortValue(row), {
      id: "outlook",
      header: headingOf("outlook"),
      cell: (info) => <OutlookValue outlook={info.row.original.outlook} />,
      sortDescFirst: false,
      sortUndefined: "last",
      meta: { detail: true },
    }),
    // The board's private offers, apart from the reported figures (never added to the places).
    column.accessor((row) => row.boardOffers?.persons ?? 0, {
      id: "boardPersons",
      header: "Private Angebote (Börse)",
      cell: (info) => <BoardOffersValue board={info.row.original.boardOffers} />,
      sortDescFirst: true,
      // Also on the municipality page and in every export.
      meta: { detail: true, wide: true },
    }),
    // Sorted by how much needs attention: stale, contradicting, warned outlook, then unreported figures.
    column.accessor(
      (row) =>
        (row.stale ? 100 : 0) +
        (row.contradiction ? 50 : 0) +
        (outlookWarning(row.outlook) ? 25 : 0) +
        (row.agreedHelp ? 10 : 0) +
        row.missingFigures.length,
      {
        id: "flags",
        header: "Hinweise",
        sortDescFirst: true,
        cell: (info) => <RowFlags row={info.row.original} asOf={asOf} remindedOn={remindedOn[info.row.original.municipalityId]} />,
      },
    ),
  ];
}
