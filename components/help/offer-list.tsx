import { formatDay } from "@/lib/dates";
import { formatNumber } from "@/lib/format";
import { acceptHelpOfferAction, withdrawHelpOfferAction } from "@/lib/help/actions";
import type { HelpOfferView } from "@/lib/help/queries";
import { ACCOMMODATION_LABELS } from "@/lib/help/schema";
import { OFFER_STATUS_LABELS } from "@/lib/help/states";
import { StepForm } from "./step-form";

/** A request's offers, with the steps the actor may take on each (decided by the page). */
export function OfferList({
  offers,
  mayAccept,
  mayWithdraw,
}: {
  offers: HelpOfferView[];
  mayAccept: boolean;
  mayWithdraw: (offer: HelpOfferView) => boolean;
}) {
  if (offers.length === 0) return <p className="text-slate-700">Noch kein Angebot.</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="help-offers">
      {offers.map((offer) => {
        const label = `Angebot von ${offer.municipality} über ${formatNumber(offer.persons)} Plätze`;
        return (
          <li key={offer.id} className="rounded-lg border border-slate-200 p-3" data-testid="help-offer">
            <p>
              <strong>
                {offer.municipality} bietet {formatNumber(offer.persons)} {offer.persons === 1 ? "Platz" : "Plätze"}
              </strong>{" "}
              ({ACCOMMODATION_LABELS[offer.accommodation]}) ab {formatDay(offer.availableFrom)},{" "}
              {offer.duration === "PERMANENT" ? "dauerhaft" : `vorübergehend bis ${formatDay(offer.availableUntil!)}`} ·{" "}
              <span className="font-medium">{OFFER_STATUS_LABELS[offer.status]}</span>
            </p>
            {offer.exceedsFreePlacesConfirmed && (
              <p className="mt-1 text-sm text-amber-900">Mehr als die gemeldeten freien Plätze; von der Kommune bestätigt.</p>
            )}
            {offer.comment && <p className="mt-1 text-sm whitespace-pre-line text-slate-700">„{offer.comment}“</p>}
            {offer.status === "OPEN" && (mayAccept || mayWithdraw(offer)) && (
              <div className="mt-2 flex flex-wrap gap-3">
                {mayAccept && (
                  <StepForm
                    action={acceptHelpOfferAction}
                    fields={{ offerId: offer.id }}
                    label="Annehmen"
                    accessibleLabel={`${label} annehmen`}
                    variant="primary"
                  />
                )}
                {mayWithdraw(offer) && (
                  <StepForm
                    action={withdrawHelpOfferAction}
                    fields={{ offerId: offer.id }}
                    label="Zurückziehen"
                    accessibleLabel={`${label} zurückziehen`}
                  />
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
