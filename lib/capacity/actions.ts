"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { errorState } from "../form-errors";
import { formText, type FormState } from "../forms";
import type { PlausibilityWarning } from "./plausibility";
import { reportFormToInput } from "./report-schema";
import { slugSchema } from "../validation";
import { submitCapacityReport, type NewerReport } from "./submit";
import { confirmUnchangedReport } from "./unchanged";

export interface ReportFormResult {
  warnings?: PlausibilityWarning[];
  conflict?: NewerReport;
}

const UNKNOWN_MUNICIPALITY = { status: "error", message: "Diese Kommune gibt es nicht." } as const;

/** A bound argument comes back from the browser like any other input: validate it. */
function parseBoundSlug(value: unknown): string | null {
  const slug = slugSchema.safeParse(value);
  return slug.success ? slug.data : null;
}

function afterSave(municipalitySlug: string, target: string): never {
  revalidatePath("/lage");
  revalidatePath("/uebersicht");
  revalidatePath(`/kommunen/${municipalitySlug}`);
  redirect(target);
}

export async function submitReportAction(
  boundSlug: unknown,
  _previous: FormState<ReportFormResult>,
  formData: FormData,
): Promise<FormState<ReportFormResult>> {
  const municipalitySlug = parseBoundSlug(boundSlug);
  if (!municipalitySlug) return UNKNOWN_MUNICIPALITY;
  const input = reportFormToInput(formData);
  const values = Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
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
  } catch (error) {
    return errorState(error, values);
  }
  afterSave(municipalitySlug, `/kommunen/${municipalitySlug}?gespeichert=1`);
}

/** Where "Unverändert melden" returns to: a fixed choice, never a URL from the request. */
const RETURN_TO = { uebersicht: "/uebersicht", kommune: "/kommunen/" } as const;

export async function confirmUnchangedAction(
  boundSlug: unknown,
  _previous: FormState<ReportFormResult>,
  formData: FormData,
): Promise<FormState<ReportFormResult>> {
  const municipalitySlug = parseBoundSlug(boundSlug);
  if (!municipalitySlug) return UNKNOWN_MUNICIPALITY;
  try {
    const actor = await requireActor("report:write");
    const result = await confirmUnchangedReport(actor, municipalitySlug, { baseReportId: formText(formData, "baseReportId") });
    if (result.status === "warnings") {
      return {
        status: "error",
        message:
          "Die bisherigen Zahlen lösen Hinweise zur Plausibilität aus, die noch niemand bestätigt hat. Bitte melden Sie einmal über das Formular.",
        result: { warnings: result.warnings },
      };
    }
    if (result.status === "conflict") {
      return {
        status: "error",
        message: "Inzwischen wurde eine neuere Meldung gespeichert. Nichts wurde bestätigt; bitte prüfen Sie die neuen Zahlen.",
        result: { conflict: result.newer },
      };
    }
  } catch (error) {
    return errorState(error);
  }
  const target = formText(formData, "returnTo") === "uebersicht" ? RETURN_TO.uebersicht : `${RETURN_TO.kommune}${municipalitySlug}`;
  afterSave(municipalitySlug, `${target}?unveraendert=1`);
}
