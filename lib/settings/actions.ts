"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { errorState } from "../form-errors";
import { formValues, type FormState } from "../forms";
import { updateCountySettings } from "./service";

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
