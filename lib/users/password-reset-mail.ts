import type { MailMessage } from "../mail/message";
import { PASSWORD_RESET_VALID_MINUTES } from "./tokens";

export function passwordResetMail(options: { to: string; name: string; countyId: string; countyName: string; link: string }): MailMessage {
  return {
    to: options.to,
    subject: `Passwort zurücksetzen – Wohnraum (${options.countyName})`,
    // Tied to the user's county: the local catcher shows it in that county's Postausgang.
    countyId: options.countyId,
    text: [
      `Guten Tag ${options.name},`,
      "",
      `für Ihr Konto im Wohnraum-Intranet (${options.countyName}) wurde ein neues Passwort angefordert.`,
      "Über diesen Link legen Sie es fest:",
      "",
      options.link,
      "",
      `Der Link ist ${PASSWORD_RESET_VALID_MINUTES} Minuten gültig und kann nur einmal verwendet werden.`,
      "Mit dem neuen Passwort werden alle bestehenden Anmeldungen Ihres Kontos beendet.",
      "",
      "Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr bisheriges Passwort",
      "bleibt gültig.",
    ].join("\n"),
  };
}
