import type { Metadata } from "next";
import Link from "next/link";
import { RequestCard } from "@/components/help/request-card";
import { PlacementList } from "@/components/help/placement-list";
import { buttonClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { listHelpPlacements, listHelpRequests } from "@/lib/help/queries";

export const metadata: Metadata = { title: "Amtshilfe" };

export default async function HelpPage() {
  const actor = await requirePageActor("help:read");
  const [{ open, closed }, placements] = await Promise.all([listHelpRequests(actor), listHelpPlacements(actor)]);
  const current = placements.filter((placement) => placement.state !== "ENDED");
  const stillNeeded = open.reduce((total, request) => total + Math.max(request.persons - request.placedPersons, 0), 0);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Amtshilfe zwischen Kommunen</h1>
          <p className="mt-1 text-slate-700" data-testid="help-summary">
            {open.length === 0
              ? "Keine offene Anfrage."
              : `${open.length === 1 ? "1 offene Anfrage" : `${formatNumber(open.length)} offene Anfragen`}: ${formatNumber(stillNeeded)} Personen brauchen noch einen Platz.`}{" "}
            {current.length === 0
              ? "Keine laufende Unterbringung."
              : current.length === 1
                ? "1 vereinbarte oder laufende Unterbringung."
                : `${formatNumber(current.length)} vereinbarte oder laufende Unterbringungen.`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(actor, "balancing:read") && (
            <Link href="/lage/ausgleich" className={buttonClass("secondary")}>
              Ausgleichsvorschlag
            </Link>
          )}
          {can(actor, "help:act") && (
            <Link href="/amtshilfe/neu" className={buttonClass("primary")}>
              Neue Anfrage
            </Link>
          )}
        </div>
      </div>

      <section aria-labelledby="offen" className="flex flex-col gap-3">
        <h2 id="offen" className="text-xl font-semibold">
          Offene Anfragen
        </h2>
        {open.length === 0 ? (
          <p className="text-slate-700">Zurzeit bittet keine Kommune um Hilfe.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {open.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unterbringungen" className="flex flex-col gap-3">
        <h2 id="unterbringungen" className="text-xl font-semibold">
          Vereinbarte Unterbringungen
        </h2>
        <PlacementList placements={placements} />
      </section>

      {closed.length > 0 && (
        <section aria-labelledby="erledigt" className="flex flex-col gap-3">
          <h2 id="erledigt" className="text-xl font-semibold">
            Gedeckte und zurückgezogene Anfragen
          </h2>
          <ul className="flex flex-col gap-3">
            {closed.map((request) => (
              <RequestCard key={request.id} request={request} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
