import nodemailer from "nodemailer";
import { COUNTY_HEADER, type MailMessage } from "./message";

export type MailTransport = ReturnType<typeof nodemailer.createTransport>;

export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

/** `tagCounty`: only for the local catcher; real recipients get no internal ids in headers. */
export async function deliver(
  transport: MailTransport,
  from: string,
  message: MailMessage,
  options: { tagCounty?: boolean } = {},
): Promise<string> {
  const { countyId, ...mail } = message;
  const info = await transport.sendMail({
    from,
    ...mail,
    ...(countyId && options.tagCounty ? { headers: { [COUNTY_HEADER]: countyId } } : {}),
  });
  return info.messageId;
}
