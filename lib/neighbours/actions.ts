"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { errorState } from "../form-errors";
import type { FormState } from "../forms";
import { neighbourInputFromForm } from "./schema";
import { saveNeighbours } from "./service";

const NEIGHBOURS_PATH = "/verwaltung/nachbarn";

export async function saveNeighboursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    // Session and permission here, and the service checks the permission again.
    const actor = await requireActor("neighbours:manage");
    const { name, count } = await saveNeighbours(actor, neighbourInputFromForm(formData));
    revalidatePath(NEIGHBOURS_PATH);
    revalidatePath("/lage/ausgleich");
    const message =
      count === 0
        ? `${name} hat keine Nachbarn mehr.`
        : count === 1
          ? `Die Nachbarkommune von ${name} ist gespeichert.`
          : `Die ${count} Nachbarkommunen von ${name} sind gespeichert.`;
    return { status: "success", message };
  } catch (error) {
    return errorState(error);
  }
}
