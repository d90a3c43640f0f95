import Link from "next/link";
import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import type { HelpRequestView } from "@/lib/help/queries";
import { ACCOMMODATION_LABELS } from "@/lib/help/schema";
import { coverageText, REQUEST_STATUS_LABELS } from "@/lib/help/states";

const STATUS_TONES = {
  OPEN: "bg-red-100 text-red-900",
  PARTLY_COVERED: "bg-amber-100 text-amber-900",
  COVERED: "bg-green-100 text-green-900",
  WITHDRAWN: "bg-slate-100 text-slate-800",
} as const;

export function RequestStatusBadge({ status }: { status: HelpRequestView["status"] }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONES[status]}`}>{REQUEST_STATUS_LABELS[status]}</span>;
}

/** A request in a list: who needs how many, by when, how far it is covered, in words. */
export function RequestCard({ request }: { request: HelpRequestView }) {
  const openOffers = request.offers.filter((offer) => offer.status === "OPEN");
  return (
    <li className="rounded-lg bg-white p-4 shadow" data-testid="help-request">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">
          <Link href={`/amtshilfe/${request.id}`} className="text-brand-700 underline">
            {request.municipality}: {formatNumber(request.persons)} {request.persons === 1 ? "Person" : "Personen"}
          </Link>
        </h3>
        <RequestStatusBadge status={request.status} />
      </div>
      <p className="mt-1 text-slate-800">
        {request.composition} · bis {formatDay(request.neededBy)} · {ACCOMMODATION_LABELS[request.accommodation]}
        {request.addressedTo ? ` · angefragt bei ${request.addressedTo}` : ""}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {coverageText(request.persons, request.placedPersons)}
        {openOffers.length > 0 ? ` · ${openOffers.length === 1 ? "1 offenes Angebot" : `${openOffers.length} offene Angebote`}` : ""}
      </p>
    </li>
  );
}
