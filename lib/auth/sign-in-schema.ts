import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Bitte geben Sie Ihre E-Mail-Adresse ein.")
    .max(320)
    .pipe(z.email("Bitte geben Sie eine gültige E-Mail-Adresse ein.")),
  password: z.string().min(1, "Bitte geben Sie Ihr Passwort ein.").max(1024),
});

export const SIGN_IN_MESSAGES = {
  invalid: "E-Mail-Adresse oder Passwort ist falsch.",
  throttled: "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.",
  busy: "Gerade gibt es sehr viele Anmeldeversuche. Bitte versuchen Sie es in einigen Sekunden noch einmal.",
} as const;

const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/**
 * Only same-site paths may be the target after signing in. The value is normalised first (dot
 * segments, percent-encoded dots) and the normalised path is what is checked and returned:
 * "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
 */
export function safeRedirectPath(value: unknown): string {
  const fallback = "/uebersicht";
  if (typeof value !== "string" || value.length > 2048) return fallback;
  // Browsers drop tabs and newlines and read a backslash as "/": "/<tab>/evil" would leave the site.
  if (!value.startsWith("/") || UNSAFE_IN_PATH.test(value)) return fallback;
  const base = "http://wohnraum.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  if (!normalised.startsWith("/") || normalised.startsWith("//") || UNSAFE_IN_PATH.test(normalised)) return fallback;
  // Stable under a second normalisation, and still on this site.
  const again = new URL(normalised, base);
  if (again.origin !== base || `${again.pathname}${again.search}${again.hash}` !== normalised) return fallback;
  return normalised;
}
