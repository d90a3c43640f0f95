import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EndPlacementForm } from "@/components/help/end-placement-form";
import { HelpOfferForm } from "@/components/help/offer-form";
import { OfferList } from "@/components/help/offer-list";
import { placementPeriod } from "@/components/help/placement-list";
import { RequestStatusBadge } from "@/components/help/request-card";
import { StepForm } from "@/components/help/step-form";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { loadCountyEvaluation } from "@/lib/capacity/queries";
import { berlinDay, formatDateTime, formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import { withdrawHelpRequestAction } from "@/lib/help/actions";
import { doneNote, historyActionLabel } from "@/lib/help/history-text";
import { helpMunicipalitiesOf, loadHelpRequest } from "@/lib/help/queries";
import { ACCOMMODATION_LABELS } from "@/lib/help/schema";
import { acceptsOffers, coverageText, PLACEMENT_STATE_LABELS } from "@/lib/help/states";

export const metadata: Metadata = { title: "Amtshilfe-Anfrage" };

export default async function HelpRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("help:read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const loaded = await loadHelpRequest(actor, id);
  if (!loaded) notFound();
  const { request, history } = loaded;
  const today = berlinDay();
  const open = acceptsOffers(request.status);
  const acting = can(actor, "help:act");
  const coordinator = actor.role === "COORDINATOR";
  // Who may do what: the services check the same again.
  const mayAccept = acting && open && (coordinator || actor.municipalityId === request.municipalityId);
  const helping = acting ? await helpMunicipalitiesOf(actor) : [];
  const offering = open ? helping.filter((m) => m.id !== request.municipalityId) : [];
  const evaluation = offering.length ? await loadCountyEvaluation(actor, today) : null;
  const freeOf = new Map(evaluation?.rows.map((row) => [row.municipalityId, Math.max(-row.shortfall, 0)]));
  const remaining = Math.max(request.persons - request.placedPersons, 0);
  const helpingIds = new Set(helping.map((m) => m.id));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/amtshilfe" className="text-brand-700 underline">
            Amtshilfe
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            {request.municipality} bittet um {formatNumber(request.persons)} {request.persons === 1 ? "Platz" : "Plätze"}
          </h1>
          <RequestStatusBadge status={request.status} />
        </div>
        <p className="mt-1 text-lg" data-testid="coverage">
          {coverageText(request.persons, request.placedPersons)}
          {open && remaining > 0 ? ` · ${formatNumber(remaining)} fehlen noch` : ""}
        </p>
      </div>
      {query.angefragt === "1" && <Alert tone="success">Die Anfrage ist gestellt. Der Koordinierungsstab ist benachrichtigt.</Alert>}
      {doneNote(query.erledigt) && <Alert tone="success">{doneNote(query.erledigt)}</Alert>}

      <section aria-labelledby="anfrage" className="rounded-lg bg-white p-4 shadow">
        <h2 id="anfrage" className="mb-2 text-xl font-semibold">
          Anfrage
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Zusammensetzung</dt>
          <dd>{request.composition}</dd>
          <dt className="font-medium">Benötigt bis</dt>
          <dd>{formatDay(request.neededBy)}</dd>
          <dt className="font-medium">Unterbringung</dt>
          <dd>{ACCOMMODATION_LABELS[request.accommodation]}</dd>
          {request.addressedTo && (
            <>
              <dt className="font-medium">Angefragt bei</dt>
              <dd>{request.addressedTo}</dd>
            </>
          )}
          {request.comment && (
            <>
              <dt className="font-medium">Kommentar</dt>
              <dd className="whitespace-pre-line">{request.comment}</dd>
            </>
          )}
        </dl>
        {open && acting && (coordinator || actor.municipalityId === request.municipalityId) && (
          <div className="mt-3">
            <StepForm action={withdrawHelpRequestAction} fields={{ requestId: request.id }} label="Anfrage zurückziehen" />
          </div>
        )}
      </section>

      <section aria-labelledby="angebote" className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow">
        <h2 id="angebote" className="text-xl font-semibold">
          Angebote
        </h2>
        <OfferList
          offers={request.offers}
          mayAccept={mayAccept}
          mayWithdraw={(offer) => acting && (coordinator || helpingIds.has(offer.municipalityId))}
        />
        {offering.length > 0 && (
          <div className="mt-2 border-t border-slate-200 pt-3">
            <h3 className="mb-2 text-lg font-semibold">Plätze anbieten</h3>
            <HelpOfferForm
              requestId={request.id}
              municipalities={offering.map((m) => ({ id: m.id, name: m.name, freePlaces: freeOf.get(m.id) ?? 0 }))}
              remaining={Math.max(remaining, 1)}
              today={today}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="unterbringung" className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow">
        <h2 id="unterbringung" className="text-xl font-semibold">
          Vereinbarte Unterbringung
        </h2>
        {request.placements.length === 0 ? (
          <p className="text-slate-700">Noch keine.</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="placements">
            {request.placements.map((placement) => (
              <li key={placement.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3" data-testid="placement">
                <p>
                  <strong>
                    {formatNumber(placement.persons)} Personen aus {placement.requester} in {placement.host}
                  </strong>
                  , {placementPeriod(placement)} · <span className="font-medium">{PLACEMENT_STATE_LABELS[placement.state]}</span>
                </p>
                {placement.state !== "ENDED" &&
                  acting &&
                  (coordinator || actor.municipalityId === placement.requesterId || actor.municipalityId === placement.hostId) && (
                    <EndPlacementForm
                      placementId={placement.id}
                      today={today}
                      label={`${placement.persons} Personen in ${placement.host}`}
                    />
                  )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="verlauf" className="rounded-lg bg-white p-4 shadow">
        <h2 id="verlauf" className="mb-2 text-xl font-semibold">
          Verlauf
        </h2>
        <ol className="flex flex-col gap-1 text-sm" data-testid="help-history">
          {history.map((entry) => (
            <li key={entry.id}>
              {formatDateTime(entry.at)}: {historyActionLabel(entry.action)}
              {entry.actor ? ` (${entry.actor})` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
