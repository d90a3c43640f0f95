import { formatNumber, places } from "../format";
import type { BalancingLine, BalancingProposal, PlaceKind, Transfer } from "./balancing";

// The balancing proposal in plain German, one sentence per short municipality:
// "Kommune M: 73 fehlen → 58 aus Kommune R (Nachbar, 15 Min.), 15 aus Kommune L (davon 5 in Aussicht)".
// Only what a coordinator must know is said: neighbours, prospective places, and the kind of
// accommodation where it is not the one the municipality mostly uses.

export const KIND_LABELS: Record<PlaceKind, string> = { shared: "Gemeinschaftsunterkunft", decentral: "dezentral" };
/** After "davon 5": "in Gemeinschaftsunterkünften", "dezentral". */
const KIND_PHRASES: Record<PlaceKind, string> = { shared: "in Gemeinschaftsunterkünften", decentral: "dezentral" };

const sum = (transfers: Transfer[]) => transfers.reduce((total, transfer) => total + transfer.places, 0);

/** A part of the whole: "in Aussicht" when all of it, "davon 10 in Aussicht" when some. */
function share(part: number, whole: number, phrase: string): string | null {
  if (part === 0) return null;
  return part === whole ? phrase : `davon ${formatNumber(part)} ${phrase}`;
}

/** "58 aus Kommune R (Nachbar, 15 Min., davon 10 in Aussicht)" for one helper's transfers to the line. */
export function describeHelperPart(transfers: Transfer[], preferredKind: PlaceKind | null): string {
  const first = transfers[0]!;
  const total = sum(transfers);
  const details = [
    first.neighbour ? (first.travelMinutes === null ? "Nachbar" : `Nachbar, ${formatNumber(first.travelMinutes)} Min.`) : null,
    share(sum(transfers.filter((transfer) => transfer.stage === "prospect")), total, "in Aussicht"),
    preferredKind === null
      ? null
      : share(
          sum(transfers.filter((transfer) => transfer.kind !== preferredKind)),
          total,
          KIND_PHRASES[preferredKind === "shared" ? "decentral" : "shared"],
        ),
  ].filter((detail): detail is string => detail !== null);
  return `${formatNumber(total)} aus ${first.from}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/** The line's transfers grouped by helper, in the order the proposal chose them. */
export function transfersByHelper(line: BalancingLine): Transfer[][] {
  const groups = new Map<string, Transfer[]>();
  for (const transfer of line.transfers) groups.set(transfer.fromId, [...(groups.get(transfer.fromId) ?? []), transfer]);
  return [...groups.values()];
}

const missing = (count: number) => `${formatNumber(count)} ${count === 1 ? "fehlt" : "fehlen"}`;
const open = (count: number) => `${formatNumber(count)} ${count === 1 ? "bleibt" : "bleiben"} offen`;

/** What the proposal does for one municipality, after "Kommune M: 73 fehlen → ". */
export function describeLineProposal(line: BalancingLine): string {
  const parts = transfersByHelper(line).map((group) => describeHelperPart(group, line.preferredKind));
  if (parts.length === 0) return `keine freien Plätze im Landkreis; ${open(line.uncovered)}`;
  return `${parts.join(", ")}${line.uncovered > 0 ? `; ${open(line.uncovered)}` : ""}`;
}

/** "Kommune M: 73 fehlen → 58 aus Kommune R (Nachbar), 15 aus Kommune L" */
export function describeLine(line: BalancingLine): string {
  return `${line.name}: ${missing(line.shortfall)} → ${describeLineProposal(line)}`;
}

/** "Im Landkreis fehlen danach noch 12 Plätze." */
export function describeRemainder(totals: BalancingProposal["totals"]): string {
  if (totals.municipalitiesShort === 0) return "In keiner Kommune fehlen Plätze; es ist nichts auszugleichen.";
  if (totals.uncovered === 0) return "Danach fehlen im Landkreis keine Plätze mehr.";
  return `Im Landkreis ${totals.uncovered === 1 ? "fehlt" : "fehlen"} danach noch ${places(totals.uncovered)}: mehr, als die Kommunen über ihren eigenen Bedarf hinaus frei haben oder in Aussicht haben.`;
}

const municipalities = (count: number) => (count === 1 ? "1 Kommune" : `${formatNumber(count)} Kommunen`);

/**
 * The proposal at a glance, for the top of the page: "In 7 Kommunen fehlen 134 Plätze; 11 Kommunen
 * haben zusammen 529 Plätze über ihren eigenen Bedarf hinaus. Der Vorschlag deckt sie alle aus 7
 * Kommunen (9 Absprachen; 134 jetzt frei, 81 aus Nachbarkommunen)."
 */
export function describeSummary(totals: BalancingProposal["totals"]): string {
  if (totals.municipalitiesShort === 0) return describeRemainder(totals);
  const spare =
    totals.municipalitiesWithSpare === 0
      ? "keine Kommune hat Plätze über ihren eigenen Bedarf hinaus."
      : `${municipalities(totals.municipalitiesWithSpare)} ${totals.municipalitiesWithSpare === 1 ? "hat" : "haben zusammen"} ${places(totals.spare)} über ihren eigenen Bedarf hinaus.`;
  const head = `In ${municipalities(totals.municipalitiesShort)} ${totals.shortfall === 1 ? "fehlt" : "fehlen"} ${places(totals.shortfall)}; ${spare}`;
  if (totals.covered === 0) return head;
  const how = [
    totals.coveredNow > 0 ? `${formatNumber(totals.coveredNow)} jetzt frei` : null,
    totals.coveredProspect > 0 ? `${formatNumber(totals.coveredProspect)} in Aussicht` : null,
    totals.coveredByNeighbours > 0 ? `${formatNumber(totals.coveredByNeighbours)} aus Nachbarkommunen` : null,
  ].filter(Boolean);
  const agreements = totals.transfers === 1 ? "1 Absprache" : `${formatNumber(totals.transfers)} Absprachen`;
  const what = totals.uncovered > 0 ? `${formatNumber(totals.covered)} davon` : totals.shortfall === 1 ? "ihn" : "sie alle";
  return `${head} Der Vorschlag deckt ${what} aus ${municipalities(totals.municipalitiesGiving)} (${agreements}; ${how.join(", ")}).`;
}
