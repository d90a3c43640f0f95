import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "../auth/password-policy";

export const ONBOARDING_METHODS = { invite: "Einladungslink per E-Mail", password: "Einmalpasswort" } as const;

export const createUserSchema = z
  .object({
    name: z.string().trim().min(2, "Bitte geben Sie den Namen ein.").max(200, "Der Name ist zu lang."),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(320, "Die E-Mail-Adresse ist zu lang.")
      .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse ein.")),
    role: z.enum(["CLERK", "COORDINATOR", "PRESS", "ADMIN"], { error: "Bitte wählen Sie eine Rolle." }),
    municipalityId: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null),
    onboarding: z.enum(["invite", "password"], { error: "Bitte wählen Sie, wie der Zugang übergeben wird." }),
  })
  .superRefine((value, context) => {
    if (value.role === "CLERK" && !value.municipalityId) {
      context.addIssue({ code: "custom", path: ["municipalityId"], message: "Sachbearbeitung gehört zu einer Kommune: bitte wählen." });
    }
  })
  .transform((value) => ({ ...value, municipalityId: value.role === "CLERK" ? value.municipalityId : null }));

export type CreateUserInput = z.output<typeof createUserSchema>;

export const newPasswordSchema = z
  .object({
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen haben.`)
      .max(200, "Das Passwort ist zu lang."),
    passwordRepeat: z.string(),
  })
  .refine((value) => value.password === value.passwordRepeat, {
    path: ["passwordRepeat"],
    message: "Die beiden Passwörter stimmen nicht überein.",
  });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Bitte geben Sie Ihr bisheriges Passwort ein.") })
  .and(newPasswordSchema);

/** "Passwort vergessen?": only the address; it is lower-cased like stored account addresses. */
export const passwordResetRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Bitte geben Sie Ihre E-Mail-Adresse ein.")
    .max(320, "Die E-Mail-Adresse ist zu lang.")
    .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse ein.")),
});
