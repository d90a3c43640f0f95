"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { formatDateTime } from "../dates";
import { errorState } from "../form-errors";
import { formText, formValues, type FormState } from "../forms";
import { saveLegalText, updateBoardSettings, updateEmbedOrigins, updateMunicipalityMailbox } from "./board-settings";
import { BOARD_SETTING_KEYS, LEGAL_TEXT_LABELS, LOCALE_LABELS, type LegalTextKindName } from "./oversight-schema";
import { markAdviceDone, staffEndOffer, staffExtendOffer } from "./oversight";

// The forms of the board's intranet side. Each action checks the session and its permission;
// the service checks again and carries the access rule in its queries.

const OFFERS_PATH = "/angebote";
const SETTINGS_PATH = "/einstellungen";

export async function staffExtendOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["offerId", "reason"]);
  try {
    const actor = await requireActor("offers:oversee");
    const result = await staffExtendOffer(actor, values.offerId, values.reason);
    revalidatePath(OFFERS_PATH);
    return result.changed && result.expiresAt
      ? { status: "success", message: `Verlängert bis ${formatDateTime(result.expiresAt)}. Die anbietende Person wird informiert.` }
      : { status: "success", message: "Das Angebot war bereits verlängert worden." };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function staffEndOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["offerId", "reason"]);
  try {
    const actor = await requireActor("offers:oversee");
    const result = await staffEndOffer(actor, values.offerId, values.reason);
    revalidatePath(OFFERS_PATH);
    return {
      status: "success",
      message: result.changed ? "Das Angebot ist gelöscht. Die anbietende Person wird informiert." : "Das Angebot war bereits beendet.",
    };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function markAdviceDoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const actor = await requireActor("offers:oversee");
    await markAdviceDone(actor, formText(formData, "offerId"));
    revalidatePath(`${OFFERS_PATH}/nachbetreuung`);
    return { status: "success", message: "Als erledigt vermerkt." };
  } catch (error) {
    return errorState(error);
  }
}

export async function updateBoardSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, BOARD_SETTING_KEYS);
  try {
    const actor = await requireActor("settings:manage");
    await updateBoardSettings(actor, values);
    revalidatePath(SETTINGS_PATH);
    return { status: "success", message: "Die Einstellungen der Wohnraumbörse sind gespeichert.", values };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function updateEmbedOriginsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["embedOrigins"]);
  try {
    const actor = await requireActor("board:configure");
    const { origins } = await updateEmbedOrigins(actor, values);
    revalidatePath(SETTINGS_PATH);
    const message = origins.length
      ? `Das Formular darf jetzt eingebettet werden von: ${origins.join(", ")}.`
      : "Das Formular darf von keiner anderen Seite mehr eingebettet werden.";
    return { status: "success", message, values: { embedOrigins: origins.join("\n") } };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function updateMunicipalityMailboxAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["municipalityId", "mailboxEmail"]);
  try {
    const actor = await requireActor("board:configure");
    const { name } = await updateMunicipalityMailbox(actor, values.municipalityId, values.mailboxEmail);
    revalidatePath(SETTINGS_PATH);
    const message = values.mailboxEmail?.trim() ? `Das Postfach von ${name} ist gespeichert.` : `${name} erhält keine Kopien mehr.`;
    return { status: "success", message, values };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function saveLegalTextAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["kind", "locale", "body"]);
  try {
    const actor = await requireActor("board:configure");
    const result = await saveLegalText(actor, values);
    revalidatePath(SETTINGS_PATH);
    const what = `${LEGAL_TEXT_LABELS[values.kind as LegalTextKindName]} (${LOCALE_LABELS[values.locale as keyof typeof LOCALE_LABELS]})`;
    const message =
      result.outcome === "saved"
        ? `${what} ist gespeichert, Version ${result.version}.`
        : result.outcome === "deleted"
          ? `${what} ist gelöscht.`
          : `${what}: keine Änderung.`;
    return { status: "success", message, values };
  } catch (error) {
    return errorState(error, values);
  }
}
