import { z } from "zod";
import { formatDay } from "../dates";
import { formText } from "../forms";
import { idSchema, MIN_DAY, parseWholeNumber } from "../validation";

// A placement that came from the board: the offer, the household's size and the day. Never
// names. Shared by the form on /angebote and the server; `today` (Europe/Berlin) bounds the day.

export const MAX_HOUSEHOLD_SIZE = 30;

const HOUSEHOLD_MESSAGE = `Personen im Haushalt: bitte eine ganze Zahl von 1 bis ${MAX_HOUSEHOLD_SIZE} angeben.`;

export function boardPlacementSchema(today: string) {
  return z.object({
    offerId: idSchema,
    // "1e3", "0x10" or "3,5" stay invalid (parseWholeNumber); blank is missing.
    householdSize: z.preprocess(
      parseWholeNumber,
      z.number({ error: HOUSEHOLD_MESSAGE }).int(HOUSEHOLD_MESSAGE).min(1, HOUSEHOLD_MESSAGE).max(MAX_HOUSEHOLD_SIZE, HOUSEHOLD_MESSAGE),
    ),
    placedOn: z.iso
      .date("Vermittelt am: bitte ein gültiges Datum angeben (JJJJ-MM-TT).")
      .refine((day) => day >= MIN_DAY, `Das Datum darf nicht vor dem ${formatDay(MIN_DAY)} liegen.`)
      .refine((day) => day <= today, "Das Datum darf nicht in der Zukunft liegen."),
  });
}
export type BoardPlacementInput = z.output<ReturnType<typeof boardPlacementSchema>>;

export const BOARD_PLACEMENT_FIELDS = ["offerId", "householdSize", "placedOn"] as const;

/** The form's fields as the schema takes them. */
export function boardPlacementInputFromForm(formData: FormData): Record<(typeof BOARD_PLACEMENT_FIELDS)[number], string> {
  return {
    offerId: formText(formData, "offerId"),
    householdSize: formText(formData, "householdSize"),
    placedOn: formText(formData, "placedOn"),
  };
}
