export interface MailMessage {
  to: string | string[];
  /** Copies the recipient does not see, e.g. the municipality's mailbox. */
  bcc?: string | string[];
  subject: string;
  text: string;
  html?: string;
}
