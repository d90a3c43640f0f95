import type { BalancingGiver, BalancingLine, Transfer } from "@/lib/capacity/balancing";
import { describeLineProposal, KIND_LABELS } from "@/lib/capacity/balancing-text";
import { describeShortfall, formatNumber, places } from "@/lib/format";

// The parts of /lage/ausgleich below the summary: each short municipality in words, the
// transfers one by one (a table on wide screens, a card each on phones), and what the
// municipalities with free places would give.

const STAGE_LABELS = { now: "jetzt frei", prospect: "in Aussicht" } as const;

function neighbourText(transfer: Transfer) {
  if (!transfer.neighbour) return "nein";
  return transfer.travelMinutes === null ? "ja" : `ja, ${formatNumber(transfer.travelMinutes)} Min.`;
}

/** Each short municipality in words, with what the page offers to do with a line (`lineAction`). */
export function ProposalLines({ lines, lineAction }: { lines: BalancingLine[]; lineAction?: (line: BalancingLine) => React.ReactNode }) {
  return (
    <section aria-labelledby="vorschlag" className="flex flex-col gap-3">
      <h2 id="vorschlag" className="text-xl font-semibold">
        Vorschlag je Kommune
      </h2>
      <ul className="flex flex-col gap-3" data-testid="proposal-lines">
        {lines.map((line) => (
          <li
            key={line.municipalityId}
            className={`rounded-lg bg-white p-4 shadow ${line.uncovered > 0 ? "border-s-4 border-red-700" : ""}`}
            data-testid="proposal-line"
          >
            <p>
              <strong>
                {line.name}: {describeShortfall(line.shortfall)}
              </strong>{" "}
              <span aria-hidden="true">→</span>
              <span className="sr-only">, Vorschlag:</span> {describeLineProposal(line)}
            </p>
            {lineAction && line.transfers.length > 0 && <div className="mt-2">{lineAction(line)}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const transfersOf = (lines: BalancingLine[]) => lines.flatMap((line) => line.transfers.map((transfer) => ({ to: line.name, transfer })));

export function TransferDetails({ lines }: { lines: BalancingLine[] }) {
  const rows = transfersOf(lines);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="einzeln" className="flex flex-col gap-3">
      <h2 id="einzeln" className="text-xl font-semibold">
        Übernahmen im Einzelnen
      </h2>
      <div className="hidden overflow-x-auto rounded-lg bg-white shadow md:block">
        <table className="w-full text-left" data-testid="transfer-table">
          <caption className="sr-only">Übernahmen im Einzelnen: wohin, woher, wie viele Plätze, welche Art, wann</caption>
          <thead className="border-b border-slate-300 bg-slate-100 text-sm">
            <tr>
              {["Für", "Aus", "Plätze", "Art", "Verfügbar", "Nachbar"].map((heading) => (
                <th key={heading} scope="col" className={`px-4 py-2 ${heading === "Plätze" ? "text-right" : ""}`}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ to, transfer }) => (
              <tr key={`${to}:${transfer.fromId}:${transfer.stage}:${transfer.kind}`} className="border-b border-slate-200">
                <th scope="row" className="px-4 py-2 font-medium">
                  {to}
                </th>
                <td className="px-4 py-2">{transfer.from}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatNumber(transfer.places)}</td>
                <td className="px-4 py-2">{KIND_LABELS[transfer.kind]}</td>
                <td className="px-4 py-2">{STAGE_LABELS[transfer.stage]}</td>
                <td className="px-4 py-2">{neighbourText(transfer)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="flex flex-col gap-3 md:hidden" data-testid="transfer-cards">
        {rows.map(({ to, transfer }) => (
          <li key={`${to}:${transfer.fromId}:${transfer.stage}:${transfer.kind}`} className="rounded-lg bg-white p-3 shadow">
            <h3 className="font-semibold">
              {places(transfer.places)} aus {transfer.from} für {to}
            </h3>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="font-medium">Art</dt>
              <dd>{KIND_LABELS[transfer.kind]}</dd>
              <dt className="font-medium">Verfügbar</dt>
              <dd>{STAGE_LABELS[transfer.stage]}</dd>
              <dt className="font-medium">Nachbar</dt>
              <dd>{neighbourText(transfer)}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function GiversTable({ givers }: { givers: BalancingGiver[] }) {
  if (givers.length === 0) return null;
  return (
    <section aria-labelledby="gebende" className="flex flex-col gap-3">
      <h2 id="gebende" className="text-xl font-semibold">
        Kommunen mit freien Plätzen
      </h2>
      <p className="text-sm text-slate-700">
        Jede Kommune gibt nur, was sie über ihren eigenen Bedarf hinaus frei oder in Aussicht hat; ihren eigenen Bedarf deckt sie zuerst mit
        den jetzt freien Plätzen.
      </p>
      <div className="rounded-lg bg-white shadow">
        <table className="w-full text-left text-sm sm:text-base" data-testid="givers-table">
          <caption className="sr-only">Kommunen mit freien Plätzen: was sie geben könnten und was der Vorschlag nimmt</caption>
          <thead className="border-b border-slate-300 bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-2 py-2 sm:px-4">
                Kommune
              </th>
              <th scope="col" className="px-2 py-2 text-right sm:px-4">
                Frei über Bedarf
              </th>
              <th scope="col" className="px-2 py-2 text-right sm:px-4">
                Im Vorschlag
              </th>
              <th scope="col" className="px-2 py-2 text-right sm:px-4">
                Danach frei
              </th>
            </tr>
          </thead>
          <tbody>
            {givers.map((giver) => (
              <tr key={giver.municipalityId} className="border-b border-slate-200">
                <th scope="row" className="px-2 py-2 font-medium sm:px-4">
                  {giver.name}
                </th>
                <td className="px-2 py-2 text-right tabular-nums sm:px-4">{formatNumber(giver.spare)}</td>
                <td className="px-2 py-2 text-right tabular-nums sm:px-4">{formatNumber(giver.given)}</td>
                <td className="px-2 py-2 text-right tabular-nums sm:px-4">{formatNumber(giver.spare - giver.given)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
