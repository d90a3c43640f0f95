import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import type { HelpRequestView } from "@/lib/help/queries";

/** Open help requests on the overview: who still needs places, and a way to offer some. */
export function OpenRequestsBox({ requests, ownMunicipalityId }: { requests: HelpRequestView[]; ownMunicipalityId: string | null }) {
  const others = requests.filter((request) => request.municipalityId !== ownMunicipalityId);
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="amtshilfe-offen" className="rounded-lg border-2 border-sky-700 bg-sky-50 p-4">
      <h2 id="amtshilfe-offen" className="text-lg font-semibold">
        Amtshilfe: {others.length === 1 ? "eine Kommune bittet" : `${formatNumber(others.length)} Anfragen bitten`} um Plätze
      </h2>
      <ul className="mt-2 flex flex-col gap-1" data-testid="open-help-requests">
        {others.slice(0, 5).map((request) => (
          <li key={request.id}>
            <Link href={`/amtshilfe/${request.id}`} className="font-medium text-brand-700 underline">
              {request.municipality}: noch {formatNumber(Math.max(request.persons - request.placedPersons, 0))} von{" "}
              {formatNumber(request.persons)} Personen
            </Link>{" "}
            bis {formatDay(request.neededBy)}
            {request.addressedTo && request.addressedTo !== "" ? `, angefragt bei ${request.addressedTo}` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        <Link href="/amtshilfe" className="underline">
          Alle Anfragen und Unterbringungen
        </Link>
      </p>
    </section>
  );
}
