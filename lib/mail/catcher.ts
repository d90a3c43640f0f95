import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { SMTPServer } from "smtp-server";
import PostalMime from "postal-mime";
import pg from "pg";
import { COUNTY_HEADER } from "./message";

// A local SMTP server for machines without a mail server: it stores every message it accepts, so
// admins can read it on the "Postausgang" page. Only used when SMTP_URL is not configured.
// Mails placed here reach the admins with live links, so only the app may place them: the server
// listens on loopback, refuses other addresses, and requires a credential that `npm start`
// generates for each start and hands only to the app (in SMTP_URL).

export interface MailCatcher {
  port: number;
  close(): Promise<void>;
}

export interface MailCatcherCredentials {
  user: string;
  password: string;
}

const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
const HOST = "127.0.0.1";

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback addresses. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1";
}

/** Compares in constant time (over fixed-length digests), so the answer time reveals nothing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The SMTP_URL under which the app reaches the catcher. */
export function mailCatcherUrl(port: number, credentials: MailCatcherCredentials): string {
  return `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@${HOST}:${port}`;
}

function addressList(addresses: { address?: string; name?: string }[] | undefined): string {
  return (addresses ?? []).map((entry) => (entry.name ? `${entry.name} <${entry.address}>` : entry.address)).join(", ");
}

export async function startMailCatcher(options: {
  connectionString: string;
  port: number;
  credentials: MailCatcherCredentials;
  log?: (line: string) => void;
}): Promise<MailCatcher> {
  const { credentials } = options;
  if (!credentials.user || !credentials.password) throw new Error("The mail catcher needs a user name and a password.");
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  // An idle connection dropped during shutdown must not crash the process.
  pool.on("error", (error) => options.log?.(`Mail catcher lost its database connection: ${error.message}`));
  const server = new SMTPServer({
    // Without AUTH, MAIL FROM is refused, so nothing is stored.
    authOptional: false,
    authMethods: ["PLAIN", "LOGIN"],
    // There is no TLS on loopback (STARTTLS is off); the credential never leaves the machine.
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: "Wohnraum mail catcher",
    onConnect(session, callback) {
      if (isLoopbackAddress(session.remoteAddress)) return callback();
      options.log?.(`Mail catcher refused a connection from ${session.remoteAddress}.`);
      callback(new Error("Only local connections are accepted"));
    },
    onAuth(auth, _session, callback) {
      // Both compared, always: no early exit that tells which part was wrong.
      const userMatches = sameSecret(auth.username ?? "", credentials.user);
      const passwordMatches = sameSecret(auth.password ?? "", credentials.password);
      if (userMatches && passwordMatches) return callback(null, { user: auth.username });
      options.log?.("Mail catcher refused a sign-in with a wrong credential.");
      callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on(
        "end",
        () =>
          void (async () => {
            try {
              const email = await PostalMime.parse(Buffer.concat(chunks));
              const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
              const to = session.envelope.rcptTo.map((recipient) => recipient.address);
              // The app names the mail's county in a header of its own (lib/mail/transport.ts).
              const county = email.headers.find((header) => header.key === COUNTY_HEADER.toLowerCase())?.value.trim() || null;
              await pool.query(
                `INSERT INTO caught_mail (id, envelope_from, envelope_to, subject, text, html, header_from, header_to, county_id)
             VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $7, $8)`,
                [
                  from,
                  to,
                  email.subject ?? "",
                  email.text ?? "",
                  email.html ?? null,
                  addressList(email.from ? [email.from] : []),
                  addressList(email.to),
                  county,
                ],
              );
              callback();
            } catch (error) {
              options.log?.(`Mail catcher could not store a message: ${(error as Error).message}`);
              callback(new Error("Message could not be stored"));
            }
          })(),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, HOST, () => resolve());
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
