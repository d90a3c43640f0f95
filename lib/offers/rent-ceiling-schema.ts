import { z } from "zod";
import { formText } from "../forms";
import { idSchema, parseWholeNumber } from "../validation";
import { CEILING_SIZES, MAX_CEILING_EUROS } from "./rent-ceilings";

// The admin form for one municipality's ceilings (or all of the county's at once). An empty
// field means no ceiling for that size (the next smaller size's applies).

const euros = (size: number) =>
  z.preprocess(
    parseWholeNumber,
    z
      .number({ error: `${size} Pers.: bitte einen Betrag in ganzen Euro angeben.` })
      .int(`${size} Pers.: bitte einen Betrag in ganzen Euro angeben.`)
      .min(1, `${size} Pers.: der Betrag muss größer als 0 sein.`)
      .max(MAX_CEILING_EUROS, `${size} Pers.: der Betrag ist unplausibel hoch.`)
      .nullable(),
  );

export const rentCeilingsSchema = z.object({
  municipalityId: idSchema,
  applyToAll: z.boolean().default(false),
  ceilings: z.object(
    Object.fromEntries(CEILING_SIZES.map((size) => [`size${size}`, euros(size)])) as Record<`size${number}`, ReturnType<typeof euros>>,
  ),
});

export function rentCeilingsInputFromForm(formData: FormData) {
  return {
    municipalityId: formText(formData, "municipalityId"),
    applyToAll: formText(formData, "applyToAll") === "on",
    ceilings: Object.fromEntries(CEILING_SIZES.map((size) => [`size${size}`, formText(formData, `size${size}`)])),
  };
}

export const RENT_CEILING_FIELDS = ["municipalityId", ...CEILING_SIZES.map((size) => `size${size}`)];
