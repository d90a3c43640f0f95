import type { MailMessage } from "../mail/message";
import { INVITE_VALID_DAYS } from "./tokens";

export function inviteMail(options: { to: string; name: string; countyName: string; link: string }): MailMessage {
  return {
    to: options.to,
    subject: `Ihr Zugang zu Wohnraum (${options.countyName})`,
    text: [
      `Guten Tag ${options.name},`,
      "",
      `für Sie wurde ein Zugang zum Wohnraum-Intranet des ${options.countyName} angelegt.`,
      "Über diesen Link legen Sie Ihr Passwort fest:",
      "",
      options.link,
      "",
      `Der Link ist ${INVITE_VALID_DAYS} Tage gültig und kann nur einmal verwendet werden.`,
      "Falls Sie diesen Zugang nicht erwartet haben, können Sie diese E-Mail ignorieren.",
    ].join("\n"),
  };
}
