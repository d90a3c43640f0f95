import { z } from "zod";

export const countySettingsSchema = z.object({
  reportingIntervalDays: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z
      .number({ error: "Bitte eine ganze Zahl von Tagen eingeben." })
      .int("Bitte eine ganze Zahl von Tagen eingeben.")
      .min(1, "Das Intervall muss mindestens 1 Tag betragen.")
      .max(90, "Das Intervall darf höchstens 90 Tage betragen."),
  ),
});

function wholeWeeks(max: number, label: string) {
  const message = `${label}: bitte eine ganze Zahl von 1 bis ${max} eingeben.`;
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int(message).min(1, message).max(max, message),
  );
}

/** The outlook "weeks until places run out" (lib/capacity/outlook.ts); the database checks the same ranges. */
export const outlookSettingsSchema = z.object({
  outlookWindowWeeks: wholeWeeks(12, "Meldewochen für den Durchschnitt"),
  outlookWarningWeeks: wholeWeeks(26, "Warnschwelle in Wochen"),
});
export type OutlookSettingsInput = z.infer<typeof outlookSettingsSchema>;
export const OUTLOOK_SETTING_KEYS = Object.keys(outlookSettingsSchema.shape) as (keyof OutlookSettingsInput)[];
