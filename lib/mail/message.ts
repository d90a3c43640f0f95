export interface MailMessage {
  to: string | string[];
  /** Copies the recipient does not see, e.g. the municipality's mailbox. */
  bcc?: string | string[];
  /** Where answers go, e.g. the seeker who wrote to an offerer through the board. */
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** The county the mail belongs to: the local catcher shows it in that county's Postausgang. */
  countyId?: string;
}

/** Header that carries MailMessage.countyId to the local catcher. */
export const COUNTY_HEADER = "X-Wohnraum-County";
