"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { loadBalancing } from "../capacity/balancing-data";
import { berlinDay, isRealDay } from "../dates";
import { forbidden, notFound } from "../errors";
import { errorState } from "../form-errors";
import { formText, formValues, type FormState } from "../forms";
import { acceptHelpOffer, endHelpPlacement, makeHelpOffer, withdrawHelpOffer } from "./offers";
import { openHelpRequest, openRequestsFromProposal, withdrawHelpRequest } from "./requests";
import { DONE_NOTES } from "./history-text";
import { HELP_OFFER_FIELDS, HELP_REQUEST_FIELDS, helpOfferInputFromForm, helpRequestInputFromForm } from "./schema";

// Server actions of /amtshilfe. Each checks the session and the permission itself; the services
// check again and limit every query to the actor's county and municipalities.

function revalidateHelp(requestId?: string) {
  revalidatePath("/amtshilfe");
  if (requestId) revalidatePath(`/amtshilfe/${requestId}`);
  // Agreed placements change the evaluation.
  revalidatePath("/lage");
  revalidatePath("/uebersicht");
}

export async function openHelpRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string;
  try {
    const actor = await requireActor("help:act");
    ({ id } = await openHelpRequest(actor, helpRequestInputFromForm(formData)));
    revalidateHelp(id);
  } catch (error) {
    return errorState(error, formValues(formData, HELP_REQUEST_FIELDS));
  }
  redirect(`/amtshilfe/${id}?angefragt=1`);
}

export type OfferFormResult = { freePlaces: number };

export async function makeHelpOfferAction(_previous: FormState<OfferFormResult>, formData: FormData): Promise<FormState<OfferFormResult>> {
  const values = formValues(formData, HELP_OFFER_FIELDS);
  try {
    const actor = await requireActor("help:act");
    const result = await makeHelpOffer(actor, helpOfferInputFromForm(formData));
    if (result.status === "exceedsFreePlaces") {
      return {
        status: "error",
        message: "Das Angebot übersteigt die gemeldeten freien Plätze. Bitte bestätigen Sie es oder passen Sie die Zahl an.",
        fieldErrors: {},
        values,
        result: { freePlaces: result.freePlaces },
      };
    }
    revalidateHelp(values.requestId);
    return {
      status: "success",
      message: "Ihr Angebot ist eingetragen. Die anfragende Kommune und der Koordinierungsstab sind benachrichtigt.",
    };
  } catch (error) {
    return errorState(error, values);
  }
}

// Steps after which their button is gone (the offer is no longer open, the request no longer takes
// offers) go back to the request's page with a note of what happened (DONE_NOTES).
function backToRequest(requestId: string, done: keyof typeof DONE_NOTES): never {
  redirect(`/amtshilfe/${encodeURIComponent(requestId)}?erledigt=${done}`);
}

export async function acceptHelpOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let requestId: string;
  try {
    const actor = await requireActor("help:act");
    ({ requestId } = await acceptHelpOffer(actor, formText(formData, "offerId")));
    revalidateHelp(requestId);
  } catch (error) {
    return errorState(error);
  }
  backToRequest(requestId, "angenommen");
}

export async function withdrawHelpOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let requestId: string;
  try {
    const actor = await requireActor("help:act");
    ({ requestId } = await withdrawHelpOffer(actor, formText(formData, "offerId")));
    revalidateHelp(requestId);
  } catch (error) {
    return errorState(error);
  }
  backToRequest(requestId, "angebot-zurueckgezogen");
}

export async function withdrawHelpRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const requestId = formText(formData, "requestId");
  try {
    const actor = await requireActor("help:act");
    await withdrawHelpRequest(actor, requestId);
    revalidateHelp(requestId);
  } catch (error) {
    return errorState(error);
  }
  backToRequest(requestId, "zurueckgezogen");
}

export async function endHelpPlacementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["placementId", "endedOn"]);
  let requestId: string;
  try {
    const actor = await requireActor("help:act");
    ({ requestId } = await endHelpPlacement(actor, values));
    revalidateHelp(requestId);
  } catch (error) {
    return errorState(error, values);
  }
  backToRequest(requestId, "beendet");
}

/**
 * "Als Anfragen stellen" on /lage/ausgleich: the proposal's line for a municipality, recomputed
 * here from the same evaluation (the browser sends only which line and which Stand), becomes one
 * help request per helper.
 */
export async function requestsFromProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor("balancing:read");
    const asOfInput = formText(formData, "asOf");
    const asOf = isRealDay(asOfInput) && asOfInput <= berlinDay() ? asOfInput : berlinDay();
    const view = await loadBalancing(actor, asOf);
    if (!view) throw forbidden();
    const line = view.proposal.lines.find((candidate) => candidate.municipalityId === formText(formData, "municipalityId"));
    if (!line || line.transfers.length === 0) throw notFound("Für diese Kommune schlägt der Ausgleich keine Hilfe vor.");
    const { ids } = await openRequestsFromProposal(actor, line, asOf);
    revalidateHelp();
    return {
      status: "success",
      message: `${ids.length === 1 ? "Eine Anfrage ist" : `${ids.length} Anfragen sind`} gestellt, an ${line.transfers
        .map((transfer) => transfer.from)
        .filter((name, index, names) => names.indexOf(name) === index)
        .join(", ")}.`,
    };
  } catch (error) {
    return errorState(error);
  }
}
