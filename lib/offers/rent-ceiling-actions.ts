"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { errorState } from "../form-errors";
import { formValues, type FormState } from "../forms";
import { RENT_CEILING_FIELDS, rentCeilingsInputFromForm } from "./rent-ceiling-schema";
import { saveRentCeilings } from "./rent-ceiling-service";

export async function saveRentCeilingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, RENT_CEILING_FIELDS);
  try {
    // Session and permission here; the service checks the permission again.
    const actor = await requireActor("board:configure");
    const { municipalities, name } = await saveRentCeilings(actor, rentCeilingsInputFromForm(formData));
    revalidatePath("/verwaltung/mietobergrenzen");
    return {
      status: "success",
      message:
        municipalities === 1
          ? `Die Mietobergrenzen von ${name} sind gespeichert.`
          : `Die Mietobergrenzen aller ${municipalities} Kommunen sind gespeichert.`,
      values,
    };
  } catch (error) {
    return errorState(error, values);
  }
}
