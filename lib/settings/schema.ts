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
