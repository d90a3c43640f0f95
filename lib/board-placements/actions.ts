"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { formatDay } from "../dates";
import { persons } from "../format";
import { errorState } from "../form-errors";
import { formValues, type FormState } from "../forms";
import { BOARD_PLACEMENT_FIELDS, boardPlacementInputFromForm } from "./schema";
import { recordBoardPlacement } from "./service";

// The form "Vermittlung erfassen" on /angebote. The action checks session and permission; the
// service checks again and finds the offer only within the actor's oversight.

export async function recordBoardPlacementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, BOARD_PLACEMENT_FIELDS);
  try {
    const actor = await requireActor("report:write");
    const placement = await recordBoardPlacement(actor, boardPlacementInputFromForm(formData));
    revalidatePath("/angebote");
    // The municipality's page, its report form and the weekly figures show the placements.
    revalidatePath(`/kommunen/${placement.municipalitySlug}`);
    revalidatePath(`/kommunen/${placement.municipalitySlug}/meldung`);
    revalidatePath("/lage/boerse");
    return { status: "success", message: `Vermittlung erfasst: ${persons(placement.householdSize)} am ${formatDay(placement.placedOn)}.` };
  } catch (error) {
    return errorState(error, values);
  }
}
