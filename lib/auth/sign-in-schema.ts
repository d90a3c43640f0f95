import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Bitte geben Sie Ihre E-Mail-Adresse ein.").max(320).pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse ein.")),
  password: z.string().min(1, "Bitte geben Sie Ihr Passwort ein.").max(1024),
});

export const SIGN_IN_MESSAGES = {
  invalid: "E-Mail-Adresse oder Passwort ist falsch.",
  throttled: "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.",
} as const;

/** Only same-site paths may be the target after signing in. */
export function safeRedirectPath(value: unknown): string {
  const fallback = "/uebersicht";
  const path = typeof value === "string" ? value : "";
  // Browsers drop tabs and newlines and read a backslash as "/": "/<tab>/evil" would leave the site.
  if (!path.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(path)) return fallback;
  const base = "http://wohnraum.invalid";
  const url = new URL(path, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
