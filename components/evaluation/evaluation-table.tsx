"use client";
import { useMemo, useState } from "react";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import type { MunicipalityEvaluation } from "@/lib/capacity/evaluation";
import type { BoardOffers } from "@/lib/capacity/board-offers";
import type { CountyOutlook } from "@/lib/capacity/outlook";
import { COUNTY_ORDER, DEFAULT_SORT, type EvaluationParams } from "@/lib/capacity/evaluation-params";
import { explanationOf } from "@/lib/exports/columns";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import { evaluationColumns, visibilityClass } from "./evaluation-columns";
import { ShortfallValue } from "./figure-value";
import { BoardOffersValue } from "./board-offers-value";
import { CountyOutlookValue } from "./outlook-value";

/** Writes the table state into the URL without a server round trip (Next keeps it in sync). */
function replaceSearchParams(update: Record<string, string | null>) {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

export function EvaluationTable({
  rows,
  params,
  remindedOn,
  totals,
  ownMunicipalityId,
  countyOutlook,
  countyBoardOffers,
}: {
  rows: MunicipalityEvaluation[];
  params: EvaluationParams;
  remindedOn: Record<string, string>;
  /** The county's Gesamt row by column key (lib/exports/columns.ts), as in every export. */
  totals: Record<string, number>;
  /** A clerk's own municipality, highlighted. */
  ownMunicipalityId?: string | null;
  /** The county's outlook, for the Gesamt row's "Reicht ca.". */
  countyOutlook?: CountyOutlook;
  /** The county's private offers on the board, for the Gesamt row. */
  countyBoardOffers?: BoardOffers;
}) {
  const [sorting, setSorting] = useState<SortingState>([params.sort]);
  const [query, setQuery] = useState(params.query);
  const [shortOnly, setShortOnly] = useState(params.shortOnly);

  const columns = useMemo(() => evaluationColumns(params.asOf, remindedOn), [params.asOf, remindedOn]);

  // Stable identities: a new filter array on every render would make the table recompute and
  // reset itself endlessly.
  const columnFilters = useMemo(
    () => [
      { id: "name", value: query },
      { id: "shortfall", value: shortOnly },
    ],
    [query, shortOnly],
  );

  // TanStack Table's API cannot be memoised by the React Compiler, which this app does not use.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnFilters },
    autoResetPageIndex: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const effective = next.length ? next : [DEFAULT_SORT];
      setSorting(effective);
      const [first] = effective;
      const isDefault = first!.id === DEFAULT_SORT.id && first!.desc === DEFAULT_SORT.desc;
      replaceSearchParams({ sort: isDefault ? null : `${first!.id}.${first!.desc ? "desc" : "asc"}` });
    },
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const visible = table.getRowModel().rows;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-name" className="text-sm font-medium">
            Kommune suchen
          </label>
          <input
            id="filter-name"
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              replaceSearchParams({ q: event.target.value });
            }}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5"
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={shortOnly}
            onChange={(event) => {
              setShortOnly(event.target.checked);
              replaceSearchParams({ knapp: event.target.checked ? "1" : null });
            }}
            className="h-4 w-4"
          />
          nur Kommunen mit fehlenden Plätzen
        </label>
        <button
          type="button"
          className="pb-2 text-sm text-brand-700 underline"
          onClick={() => {
            const countyOrder = sorting[0]?.id === COUNTY_ORDER.id && sorting[0]?.desc === COUNTY_ORDER.desc;
            const next = countyOrder ? DEFAULT_SORT : COUNTY_ORDER;
            setSorting([next]);
            replaceSearchParams({ sort: next === DEFAULT_SORT ? null : `${next.id}.${next.desc ? "desc" : "asc"}` });
          }}
        >
          {sorting[0]?.id === COUNTY_ORDER.id && sorting[0]?.desc === COUNTY_ORDER.desc
            ? "Fehlende Plätze zuerst"
            : "Reihenfolge des Landkreises (größter Überschuss zuerst)"}
        </button>
        <p className="pb-2 text-sm text-slate-700" aria-live="polite">
          {visible.length} von {rows.length} Kommunen angezeigt
        </p>
      </div>
      <p className="text-sm text-slate-700 md:hidden">
        Auf schmalen Bildschirmen zeigt die Tabelle Bedarf und Hinweise; alle Zahlen, Einschätzung, Meldedatum und wie lange die Plätze
        reichen stehen auf der Seite der Kommune.
      </p>
      {/* Wide screens: the page scrolls and the header sticks. Narrow screens: the table scrolls
          sideways in its own box, with the Kommune column kept in view. */}
      <div
        className="overflow-x-auto rounded-lg bg-white shadow lg:overflow-visible"
        tabIndex={0}
        role="region"
        aria-label="Auswertung je Kommune"
      >
        <table className="w-full border-collapse text-left text-sm" data-testid="evaluation-table">
          <caption className="sr-only">
            Auswertung je Kommune, Stand {formatDay(params.asOf)}. Spaltenüberschriften sortieren die Tabelle.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const numericColumn = header.column.columnDef.meta?.numeric;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      title={explanationOf(header.column.id)}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`border-b border-slate-300 bg-slate-100 px-1.5 py-2 align-bottom lg:sticky lg:top-0 lg:z-10 ${visibilityClass(header.column.columnDef.meta)} ${numericColumn ? "text-right" : ""} ${header.column.id === "name" ? "" : "max-w-28"} ${header.column.id === "name" ? "sticky left-0 z-20" : ""}`}
                    >
                      {header.column.getCanSort() ? (
                        // The arrow flows with the words (not a flex item beside them), so a narrow
                        // column may put it on a line of its own: the table stays within 1,280 px
                        // with the "Reicht ca." column.
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={`font-semibold ${numericColumn ? "text-right" : "text-left"}`}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}{" "}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <span className="font-semibold">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr
                key={row.id}
                className={`border-b border-slate-200 align-top ${row.original.municipalityId === ownMunicipalityId ? "bg-amber-50" : ""}`}
                data-municipality={row.original.slug}
                data-own={row.original.municipalityId === ownMunicipalityId ? "true" : undefined}
              >
                {row.getVisibleCells().map((cell) => {
                  const numericColumn = cell.column.columnDef.meta?.numeric;
                  const raw = cell.getValue();
                  return cell.column.id === "name" ? (
                    <th
                      key={cell.id}
                      scope="row"
                      className={`sticky left-0 z-10 px-2 py-1.5 font-normal ${row.original.municipalityId === ownMunicipalityId ? "bg-amber-50" : "bg-white"}`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      {row.original.municipalityId === ownMunicipalityId && (
                        <span className="block text-xs text-amber-900">Ihre Kommune</span>
                      )}
                    </th>
                  ) : (
                    <td
                      key={cell.id}
                      data-column={cell.column.id}
                      data-value={typeof raw === "number" || typeof raw === "string" ? String(raw) : ""}
                      className={`px-1.5 py-1.5 ${visibilityClass(cell.column.columnDef.meta)} ${numericColumn ? "text-right tabular-nums" : ""}`}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
            {visible.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-2 py-4 text-center">
                  Keine Kommune entspricht dem Filter.
                </td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-400 bg-slate-50 font-semibold" data-testid="totals-row">
              {table.getVisibleLeafColumns().map((leaf) =>
                leaf.id === "name" ? (
                  <th key={leaf.id} scope="row" className="sticky left-0 bg-slate-50 px-2 py-2">
                    Gesamt<span className="sr-only"> (alle Kommunen des Landkreises)</span>
                  </th>
                ) : (
                  <td
                    key={leaf.id}
                    data-column={leaf.id}
                    data-value={totals[leaf.id] ?? ""}
                    className={`px-2 py-2 ${visibilityClass(leaf.columnDef.meta)} ${leaf.columnDef.meta?.numeric ? "text-right tabular-nums" : ""}`}
                  >
                    {leaf.id === "outlook" ? (
                      <CountyOutlookValue outlook={countyOutlook} />
                    ) : leaf.id === "boardPersons" ? (
                      <BoardOffersValue board={countyBoardOffers} />
                    ) : totals[leaf.id] === undefined ? null : leaf.id === "shortfall" ? (
                      <ShortfallValue shortfall={totals[leaf.id]!} />
                    ) : (
                      formatNumber(totals[leaf.id]!)
                    )}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-sm text-slate-700">
        Abkürzungen: <abbr title="Gemeinschaftsunterkunft">GU</abbr> = Gemeinschaftsunterkunft; <abbr title="nicht gemeldet">n. g.</abbr> =
        nicht gemeldet (zählt als 0). Hinweise: „veraltet“ = älter als das Meldeintervall; „Widerspruch“ = die Einschätzung passt nicht zum
        Bedarf; „reicht nur ca. 2 Wochen“ = die jetzt freien Plätze reichen bei den neuen Zuweisungen der letzten Meldewochen kürzer als die
        Warnschwelle des Landkreises; „n. g. 2“ = zwei Zahlen der Meldung fehlen (Details beim Zeigen auf den Hinweis). „Reicht ca.“ ist
        eine Schätzung, abgerundet auf ganze Wochen.
      </p>
    </div>
  );
}
