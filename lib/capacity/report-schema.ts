import { z } from "zod";
import { formatDay } from "../dates";
import { idSchema, MIN_DAY, parseWholeNumber, plainText } from "../validation";
import { FIGURE_KEYS, FIGURE_LABELS, MAY_BE_NEGATIVE, type FigureKey } from "./figures";

// Shared by the browser form and the server. A figure is a whole number of persons or null
// ("nicht gemeldet"); an empty form field means null.
// No municipality houses anywhere near this many persons: a larger figure is a typo.
export const MAX_FIGURE = 100_000;

function figure(key: FigureKey) {
  const label = FIGURE_LABELS[key];
  const min = MAY_BE_NEGATIVE.has(key) ? -MAX_FIGURE : 0;
  // An empty or blank field is "not reported"; Number("") would make it 0. Only digits (and the
  // German thousands separator) count as a number: "0x10" and "1e3" do not.
  return z.preprocess(
    parseWholeNumber,
    z
      .number({ error: `${label}: bitte eine ganze Zahl eingeben.` })
      .int(`${label}: bitte eine ganze Zahl eingeben.`)
      .min(min, min === 0 ? `${label} kann nicht negativ sein.` : `${label} ist unplausibel klein.`)
      .max(MAX_FIGURE, `${label} ist unplausibel groß.`)
      .nullable(),
  );
}

const figuresShape = Object.fromEntries(FIGURE_KEYS.map((key) => [key, figure(key)])) as {
  [K in FigureKey]: ReturnType<typeof figure>;
};

export const reportInputSchema = z.object({
  ...figuresShape,
  reportingDate: z.iso
    .date("Bitte ein gültiges Datum angeben (JJJJ-MM-TT).")
    .refine((day) => day >= MIN_DAY, `Das Meldedatum darf nicht vor dem ${formatDay(MIN_DAY)} liegen.`),
  situation: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.enum(["SUFFICIENT", "CRITICAL"], { error: "Bitte ausreichend oder kritisch wählen." }).nullable(),
  ),
  comment: plainText(2000, "Der Kommentar")
    .trim()
    .optional()
    .transform((value) => value || null),
  /** The latest saved report when the form was opened; a newer one means a conflict. */
  baseReportId: z
    .union([idSchema, z.literal("")])
    .optional()
    .nullable()
    .transform((value) => value || null),
  /** Codes of the plausibility warnings the author confirmed. */
  confirmedWarnings: z
    .array(z.string().regex(/^[A-Z_]{1,60}(:[A-Za-z]{1,40})?$/))
    .max(50)
    .default([]),
  warningNote: plainText(2000, "Die Begründung")
    .trim()
    .optional()
    .nullable()
    .transform((value) => value || null),
});

export type ReportInput = z.output<typeof reportInputSchema>;

/** The fields of the report form, as FormData carries them. */
export function reportFormToInput(formData: FormData) {
  const entry = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : undefined;
  };
  return {
    ...Object.fromEntries(FIGURE_KEYS.map((key) => [key, entry(key) ?? ""])),
    reportingDate: entry("reportingDate"),
    situation: entry("situation") ?? "",
    comment: entry("comment"),
    baseReportId: entry("baseReportId"),
    confirmedWarnings: formData.getAll("confirmedWarnings").filter((value): value is string => typeof value === "string"),
    warningNote: entry("warningNote"),
  };
}
