import type { Metadata } from "next";
import Link from "next/link";
import { GiversTable, ProposalLines, TransferDetails } from "@/components/balancing/proposal-sections";
import { DemoNotice } from "@/components/evaluation/demo-notice";
import { StepForm } from "@/components/help/step-form";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { loadBalancing } from "@/lib/capacity/balancing-data";
import { describeRemainder, describeSummary } from "@/lib/capacity/balancing-text";
import { StandControls } from "@/components/evaluation/stand-controls";
import { parseEvaluationParams } from "@/lib/capacity/evaluation-params";
import { countyOf } from "@/lib/capacity/queries";
import { formatDay } from "@/lib/dates";
import { requestsFromProposalAction } from "@/lib/help/actions";

export const metadata: Metadata = { title: "Ausgleichsvorschlag" };

export default async function BalancingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("balancing:read");
  // The Stand as on /lage: ?stand=YYYY-MM-DD, today when missing or unusable (with a note).
  const params = parseEvaluationParams(await searchParams);
  const [county, view] = await Promise.all([countyOf(actor), loadBalancing(actor, params.asOf)]);
  if (!view) return null;
  const { proposal, evaluation, hasNeighbours } = view;
  const noReports = evaluation.rows.every((row) => row.reportingDate === null);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Ausgleichsvorschlag</h1>
          <p className="mt-1 text-slate-700">
            Wer könnte den fehlenden Wohnraum von wem übernehmen? Stand <strong>{formatDay(params.asOf)}</strong>.
          </p>
        </div>
        <StandControls params={params} link={{ href: `/lage?stand=${params.asOf}`, label: "Zur Lage" }} />
      </div>
      {params.asOfError && <Alert tone="warning">{params.asOfError}</Alert>}
      {county.isDemo && <DemoNotice />}
      <Alert tone="info" title="Ein Vorschlag, keine Vereinbarung">
        Die Rechnung zeigt, wie sich die fehlenden Plätze mit den gemeldeten freien Plätzen decken ließen. Ob eine Kommune Menschen einer
        anderen aufnimmt, vereinbaren die Kommunen miteinander; der Vorschlag verpflichtet niemanden.
      </Alert>

      {noReports ? (
        <Alert tone="info">Für diesen Stand ({formatDay(params.asOf)}) liegen keine Meldungen vor. Wählen Sie ein späteres Datum.</Alert>
      ) : (
        <>
          <section aria-labelledby="ergebnis" className="rounded-lg bg-white p-4 shadow">
            <h2 id="ergebnis" className="mb-2 text-xl font-semibold">
              Ergebnis
            </h2>
            <p data-testid="balancing-summary">{describeSummary(proposal.totals)}</p>
            <p className="mt-2 text-lg font-semibold" data-testid="balancing-remainder">
              {describeRemainder(proposal.totals)}
            </p>
            <p className="mt-2 text-sm text-slate-700">
              So rechnet der Vorschlag: zuerst jetzt freie Plätze, dann Plätze in Aussicht; zuerst die Art der Unterbringung, die die
              Kommune überwiegend nutzt; zuerst Nachbarkommunen, die näheren vorn; möglichst wenige Absprachen. Keine Kommune gibt mehr ab,
              als sie über ihren eigenen Bedarf hinaus hat.
            </p>
            {!hasNeighbours && (
              <p className="mt-2 text-sm" data-testid="no-neighbours">
                Für diesen Landkreis sind noch keine Nachbarn erfasst, daher bevorzugt der Vorschlag keine Kommune als Nachbar.{" "}
                {can(actor, "neighbours:manage") ? (
                  <Link href="/verwaltung/nachbarn" className="font-medium text-brand-700 underline">
                    Nachbarn erfassen
                  </Link>
                ) : (
                  "Die Administration kann sie erfassen."
                )}
              </p>
            )}
          </section>
          {proposal.lines.length > 0 && (
            <ProposalLines
              lines={proposal.lines}
              lineAction={
                can(actor, "help:act")
                  ? (line) => (
                      // One click: the line (computed again on the server) becomes help requests.
                      <StepForm
                        action={requestsFromProposalAction}
                        fields={{ municipalityId: line.municipalityId, asOf: params.asOf }}
                        label="Als Amtshilfe-Anfragen stellen"
                        accessibleLabel={`Vorschlag für ${line.name} als Amtshilfe-Anfragen stellen`}
                      />
                    )
                  : undefined
              }
            />
          )}
          <TransferDetails lines={proposal.lines} />
          {proposal.lines.length > 0 && <GiversTable givers={proposal.givers} />}
        </>
      )}
    </div>
  );
}
