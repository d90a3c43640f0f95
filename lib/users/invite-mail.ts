import type { MailMessage } from "../mail/message";
import { INVITE_VALID_DAYS } from "./tokens";

export function inviteMail(options: { to: string; name: string; countyName: string; link: string }): MailMessage {
  return {
    to: options.to,
    subject: `Ihr Zugang zu Wohnraum (${options.countyName})`,
    text: [
      `Guten Tag ${options.name},`,
      "",
      // The name already says what kind of county it is ("Landkreis Musterland", "Region Hannover"); in
      // brackets it reads right for every name, where "des …" would need its own ending and article.
      `für Sie wurde ein Zugang zum Wohnraum-Intranet angelegt (${options.countyName}).`,
      "Über diesen Link legen Sie Ihr Passwort fest:",
      "",
      options.link,
      "",
      `Der Link ist ${INVITE_VALID_DAYS} Tage gültig und kann nur einmal verwendet werden.`,
      "Falls Sie diesen Zugang nicht erwartet haben, können Sie diese E-Mail ignorieren.",
    ].join("\n"),
  };
}
