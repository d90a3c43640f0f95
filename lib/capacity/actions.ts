"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { errorState, type FormState } from "../forms";
import type { PlausibilityWarning } from "./plausibility";
import { reportFormToInput } from "./report-schema";
import { slugSchema } from "../validation";
import { submitCapacityReport, type NewerReport } from "./submit";

export interface ReportFormResult {
  warnings?: PlausibilityWarning[];
  conflict?: NewerReport;
}

export async function submitReportAction(
  boundSlug: unknown,
  _previous: FormState<ReportFormResult>,
  formData: FormData,
): Promise<FormState<ReportFormResult>> {
  // A bound argument comes back from the browser like any other input: validate it.
  const slug = slugSchema.safeParse(boundSlug);
  if (!slug.success) return { status: "error", message: "Diese Kommune gibt es nicht." };
  const municipalitySlug = slug.data;
  const input = reportFormToInput(formData);
  const values = Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  let saved = false;
  try {
    const actor = await requireActor("report:write");
    const result = await submitCapacityReport(actor, municipalitySlug, input);
    if (result.status === "warnings") {
      return {
        status: "error",
        message: "Bitte prüfen und bestätigen Sie die Hinweise zur Plausibilität.",
        values,
        result: { warnings: result.warnings },
      };
    }
    if (result.status === "conflict") {
      return {
        status: "error",
        message: "Inzwischen wurde eine neuere Meldung gespeichert. Ihre Eingabe ist nicht gespeichert; bitte vergleichen Sie.",
        values,
        result: { conflict: result.newer },
      };
    }
    saved = true;
  } catch (error) {
    return errorState(error, values);
  }
  if (saved) {
    revalidatePath("/lage");
    revalidatePath(`/kommunen/${municipalitySlug}`);
    redirect(`/kommunen/${municipalitySlug}?gespeichert=1`);
  }
  return { status: "idle" };
}
