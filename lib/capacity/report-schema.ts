import { z } from "zod";
import { FIGURE_KEYS, FIGURE_LABELS, MAY_BE_NEGATIVE, type FigureKey } from "./figures";

// Shared by the browser form and the server. A figure is a whole number of persons or null
// ("nicht gemeldet"); an empty form field means null.
export const MAX_FIGURE = 1_000_000;

function figure(key: FigureKey) {
  const label = FIGURE_LABELS[key];
  const min = MAY_BE_NEGATIVE.has(key) ? -MAX_FIGURE : 0;
  return z.preprocess(
    (value) => (value === "" || value === undefined ? null : typeof value === "string" ? Number(value.trim()) : value),
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
  reportingDate: z.iso.date("Bitte ein gültiges Datum angeben (JJJJ-MM-TT)."),
  situation: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.enum(["SUFFICIENT", "CRITICAL"], { error: "Bitte ausreichend oder kritisch wählen." }).nullable(),
  ),
  comment: z
    .string()
    .trim()
    .max(2000, "Der Kommentar darf höchstens 2000 Zeichen haben.")
    .optional()
    .transform((value) => value || null),
});

export type ReportInput = z.output<typeof reportInputSchema>;
