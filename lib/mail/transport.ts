import nodemailer from "nodemailer";
import type { MailMessage } from "./message";

export type MailTransport = ReturnType<typeof nodemailer.createTransport>;

export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

export async function deliver(transport: MailTransport, from: string, message: MailMessage): Promise<string> {
  const info = await transport.sendMail({ from, ...message });
  return info.messageId;
}
