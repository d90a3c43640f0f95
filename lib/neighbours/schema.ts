import { z } from "zod";
import { idSchema, parseWholeNumber } from "../validation";

// What an admin records for one municipality: its neighbours, each with an optional travel time.
// The same schema checks in the browser (components/neighbours/neighbour-form.tsx) and on the
// server (service.ts), both fed by neighbourInputFromForm.

export const TRAVEL_MINUTES_MAX = 300;
/** More than any county has municipalities; bounds the work a replayed request can cause. */
export const NEIGHBOURS_MAX = 200;

const travelMinutes = z.preprocess(
  parseWholeNumber,
  z
    .number({ error: "Bitte die Fahrzeit als ganze Zahl von Minuten eingeben oder das Feld leeren." })
    .int("Bitte die Fahrzeit als ganze Zahl von Minuten eingeben oder das Feld leeren.")
    .min(1, "Die Fahrzeit muss mindestens 1 Minute betragen.")
    .max(TRAVEL_MINUTES_MAX, `Die Fahrzeit darf höchstens ${TRAVEL_MINUTES_MAX} Minuten betragen.`)
    .nullable(),
);

export const neighboursSchema = z
  .object({
    municipalityId: idSchema,
    neighbours: z.array(z.object({ id: idSchema, travelMinutes })).max(NEIGHBOURS_MAX, `Höchstens ${NEIGHBOURS_MAX} Nachbarn.`),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    for (const [index, neighbour] of input.neighbours.entries()) {
      if (neighbour.id === input.municipalityId) {
        context.addIssue({ code: "custom", path: ["neighbours", index, "id"], message: "Eine Kommune ist nicht ihr eigener Nachbar." });
      }
      if (seen.has(neighbour.id)) {
        context.addIssue({ code: "custom", path: ["neighbours", index, "id"], message: "Ein Nachbar ist doppelt angegeben." });
      }
      seen.add(neighbour.id);
    }
  });

export type NeighboursInput = z.infer<typeof neighboursSchema>;

/** The form's field for a neighbour's travel time. */
export const minutesField = (id: string) => `minutes-${id}`;

/**
 * The form's fields as the schema's input: the ticked boxes (`neighbour`, one per id) with the
 * travel time typed beside each. Unticked rows are not neighbours, whatever their time field says.
 */
export function neighbourInputFromForm(formData: FormData): {
  municipalityId: unknown;
  neighbours: { id: unknown; travelMinutes: unknown }[];
} {
  return {
    municipalityId: formData.get("municipalityId"),
    neighbours: formData.getAll("neighbour").map((id) => ({
      id,
      travelMinutes: typeof id === "string" ? (formData.get(minutesField(id)) ?? "") : "",
    })),
  };
}

/** Errors by form field: a travel time at its own field, anything else for the whole form. */
export function neighbourFieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  input: { neighbours: { id: unknown }[] },
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const [first, index, field] = issue.path;
    const id = typeof index === "number" ? input.neighbours[index]?.id : undefined;
    const key = first === "neighbours" && field === "travelMinutes" && typeof id === "string" ? minutesField(id) : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
