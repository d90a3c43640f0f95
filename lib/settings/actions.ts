"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { errorState } from "../form-errors";
import { formValues, type FormState } from "../forms";
import { OUTLOOK_SETTING_KEYS } from "./schema";
import { updateCountySettings, updateOutlookSettings } from "./service";

export async function updateCountySettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["reportingIntervalDays"]);
  try {
    const actor = await requireActor("settings:manage");
    await updateCountySettings(actor, values);
    revalidatePath("/", "layout");
    return { status: "success", message: "Das Meldeintervall ist gespeichert.", values };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function updateOutlookSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, OUTLOOK_SETTING_KEYS);
  try {
    const actor = await requireActor("settings:manage");
    await updateOutlookSettings(actor, values);
    revalidatePath("/", "layout");
    return { status: "success", message: "Die Einstellungen der Reichweite sind gespeichert.", values };
  } catch (error) {
    return errorState(error, values);
  }
}
