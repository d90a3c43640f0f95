import { SMTPServer } from "smtp-server";
import PostalMime from "postal-mime";
import pg from "pg";

// A local SMTP server for machines without a mail server: it accepts every message on
// loopback and stores it, so admins can read it on the "Postausgang" page.
// Only used when SMTP_URL is not configured.

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

function addressList(addresses: { address?: string; name?: string }[] | undefined): string {
  return (addresses ?? []).map((entry) => (entry.name ? `${entry.name} <${entry.address}>` : entry.address)).join(", ");
}

export async function startMailCatcher(options: {
  connectionString: string;
  port: number;
  host?: string;
  log?: (line: string) => void;
}): Promise<MailCatcher> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  // An idle connection dropped during shutdown must not crash the process.
  pool.on("error", (error) => options.log?.(`Mail catcher lost its database connection: ${error.message}`));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: "Wohnraum mail catcher",
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        try {
          const email = await PostalMime.parse(Buffer.concat(chunks));
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          const to = session.envelope.rcptTo.map((recipient) => recipient.address);
          await pool.query(
            `INSERT INTO caught_mail (id, envelope_from, envelope_to, subject, text, html, header_from, header_to)
             VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $7)`,
            [
              from,
              to,
              email.subject ?? "",
              email.text ?? "",
              email.html ?? null,
              addressList(email.from ? [email.from] : []),
              addressList(email.to),
            ],
          );
          callback();
        } catch (error) {
          options.log?.(`Mail catcher could not store a message: ${(error as Error).message}`);
          callback(new Error("Message could not be stored"));
        }
      });
    },
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
