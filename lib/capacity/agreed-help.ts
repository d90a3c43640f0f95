import { formatNumber } from "../format";
import { compareByShortfall, totalsOf, type CountyEvaluation, type MunicipalityEvaluation } from "./evaluation";

// Agreed help between municipalities: while a placement runs, the requester's persons live at the
// host, so the evaluation moves them from one shortfall to the other. The reported figures stay
// untouched, so what a municipality reported and what was agreed remain distinguishable.

export interface RunningPlacementInput {
  id: string;
  /** The requester: its persons are housed elsewhere. */
  requesterId: string;
  requesterName: string;
  /** The host that houses them. */
  hostId: string;
  hostName: string;
  /** Integer >= 1. */
  persons: number;
  /** ISO date (YYYY-MM-DD) the placement started. */
  startedOn: string;
  /** ISO date it ended (exclusive: on this day it no longer runs), or null while it runs. */
  endedOn: string | null;
}

export interface AgreedHelp {
  /** Own persons housed in other municipalities, by host. */
  placedElsewhere: { municipalityId: string; name: string; persons: number }[];
  /** Persons of other municipalities housed here, by requester. */
  hosted: { municipalityId: string; name: string; persons: number }[];
  /** placedElsewhere total − hosted total: by how much the shortfall is lower than reported. */
  net: number;
  /** The shortfall from the report alone, before the help. */
  reportedShortfall: number;
}

type HelpEntry = AgreedHelp["placedElsewhere"][number];

/** Placements that ran on the date: startedOn <= asOf and (endedOn null or asOf < endedOn). */
export function placementsRunningOn<T extends Pick<RunningPlacementInput, "startedOn" | "endedOn">>(
  placements: readonly T[],
  asOf: string,
): T[] {
  // ISO dates compare correctly as strings.
  return placements.filter((p) => p.startedOn <= asOf && (p.endedOn === null || asOf < p.endedOn));
}

const sum = (entries: HelpEntry[]) => entries.reduce((total, entry) => total + entry.persons, 0);

/** Adds persons to the entry for the municipality, so several placements of one pair read as one. */
function add(entries: Map<string, Map<string, HelpEntry>>, ownId: string, otherId: string, name: string, persons: number) {
  const byOther = entries.get(ownId) ?? new Map<string, HelpEntry>();
  entries.set(ownId, byOther);
  const entry = byOther.get(otherId);
  if (entry) entry.persons += persons;
  else byOther.set(otherId, { municipalityId: otherId, name, persons });
}

const listOf = (byOther: Map<string, HelpEntry> | undefined) =>
  [...(byOther?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, "de") || a.municipalityId.localeCompare(b.municipalityId));

/** The evaluation with the running placements counted (pure; returns a new object, never mutates the input). */
export function withAgreedHelp(evaluation: CountyEvaluation, placements: readonly RunningPlacementInput[]): CountyEvaluation {
  const known = new Set(evaluation.rows.map((row) => row.municipalityId));
  const placedElsewhere = new Map<string, Map<string, HelpEntry>>();
  const hosted = new Map<string, Map<string, HelpEntry>>();
  for (const p of placementsRunningOn(placements, evaluation.asOf)) {
    // Unknown municipalities (e.g. outside this evaluation) and a "placement" with itself change nothing.
    if (!known.has(p.requesterId) || !known.has(p.hostId) || p.requesterId === p.hostId) continue;
    add(placedElsewhere, p.requesterId, p.hostId, p.hostName, p.persons);
    add(hosted, p.hostId, p.requesterId, p.requesterName, p.persons);
  }

  const rows = evaluation.rows.map((row): MunicipalityEvaluation => {
    // Start from the reported shortfall, so applying the help twice does not count it twice.
    const { agreedHelp: previous, ...rest } = row;
    const reportedShortfall = previous?.reportedShortfall ?? row.shortfall;
    const elsewhere = listOf(placedElsewhere.get(row.municipalityId));
    const here = listOf(hosted.get(row.municipalityId));
    if (elsewhere.length === 0 && here.length === 0) return { ...rest, shortfall: reportedShortfall };
    const net = sum(elsewhere) - sum(here);
    return {
      ...rest,
      shortfall: reportedShortfall - net,
      agreedHelp: { placedElsewhere: elsewhere, hosted: here, net, reportedShortfall },
    };
  });
  rows.sort(compareByShortfall);
  // The county totals come from the figures, so only the gross shortfall and the count of short
  // municipalities move.
  return { ...evaluation, rows, totals: totalsOf(rows) };
}

/** German text for a row's help: "+12 in Kommune H untergebracht (Amtshilfe)", "nimmt 12 aus Kommune R auf (Amtshilfe)". */
export function agreedHelpText(help: AgreedHelp | undefined): string | null {
  if (!help) return null;
  const phrases = [
    ...help.placedElsewhere.map((entry) => `+${formatNumber(entry.persons)} in ${entry.name} untergebracht (Amtshilfe)`),
    ...help.hosted.map((entry) => `nimmt ${formatNumber(entry.persons)} aus ${entry.name} auf (Amtshilfe)`),
  ];
  return phrases.length ? phrases.join("; ") : null;
}
