import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopbackAddress, mailCatcherUrl, startMailCatcher, type MailCatcher } from "../../lib/mail/catcher";
import { createMailTransport, deliver } from "../../lib/mail/transport";

// The local SMTP catcher puts mails with live links in front of the admins, so it takes mail only
// from the app: loopback only, and only with the credential `npm start` generated for this start.

const credentials = { user: "wohnraum", password: "richtiges-passwort-123" };
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
let catcher: MailCatcher;

beforeAll(async () => {
  await sql.connect();
  catcher = await startMailCatcher({ connectionString: process.env.DATABASE_URL!, port: 0, credentials });
});

afterAll(async () => {
  await catcher?.close();
  await sql.end();
});

const stored = async (subject: string) =>
  (await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM caught_mail WHERE subject = $1", [subject])).rows[0]!.n;

function send(url: string, subject: string) {
  return createMailTransport(url).sendMail({
    from: "noreply@wohnraum.example",
    to: "admin@wohnraum.example",
    subject,
    text: "Link: http://localhost/x",
  });
}

/** Talks SMTP by hand, so the test sees every answer, DATA included. */
function rawSmtp(port: number, commands: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let transcript = "";
    let next = 0;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      transcript += chunk;
      if (!chunk.endsWith("\r\n") || /^\d{3}-/m.test(chunk.split("\r\n").slice(-2)[0] ?? "")) return;
      if (next < commands.length) socket.write(commands[next++] + "\r\n");
      else socket.end();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(transcript));
  });
}

describe("the local mail catcher", () => {
  it("listens on loopback only", () => {
    expect(catcher.port).toBeGreaterThan(0);
    expect(isLoopbackAddress("127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("10.0.0.5")).toBe(false);
    expect(isLoopbackAddress("::ffff:192.168.1.2")).toBe(false);
    expect(isLoopbackAddress("fe80::1")).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });

  it("refuses a mail without credentials and stores nothing", async () => {
    const transcript = await rawSmtp(catcher.port, [
      "EHLO test",
      "MAIL FROM:<noreply@wohnraum.example>",
      "RCPT TO:<admin@wohnraum.example>",
      "DATA",
      "Subject: Ohne Anmeldung\r\n\r\nHallo\r\n.",
      "QUIT",
    ]);
    expect(transcript).toMatch(/^530 /m); // authentication required
    expect(transcript).not.toMatch(/^250 .*(queued|Ok: queued)/im);
    await expect(send(`smtp://127.0.0.1:${catcher.port}`, "Ohne Anmeldung 2")).rejects.toThrow(/auth/i);
    expect(await stored("Ohne Anmeldung")).toBe(0);
    expect(await stored("Ohne Anmeldung 2")).toBe(0);
  });

  it("refuses wrong credentials and stores nothing", async () => {
    const wrongPassword = mailCatcherUrl(catcher.port, { user: credentials.user, password: "falsch" });
    const wrongUser = mailCatcherUrl(catcher.port, { user: "jemand", password: credentials.password });
    await expect(send(wrongPassword, "Falsches Passwort")).rejects.toMatchObject({ code: "EAUTH" });
    await expect(send(wrongUser, "Falscher Name")).rejects.toMatchObject({ code: "EAUTH" });
    expect(await stored("Falsches Passwort")).toBe(0);
    expect(await stored("Falscher Name")).toBe(0);
  });

  it("stores a mail sent with the right credentials", async () => {
    await send(mailCatcherUrl(catcher.port, credentials), "Richtig angemeldet");
    expect(await stored("Richtig angemeldet")).toBe(1);
  });

  it("files a mail under the county the app named, for that county's Postausgang", async () => {
    const transport = createMailTransport(mailCatcherUrl(catcher.port, credentials));
    await deliver(
      transport,
      "noreply@wohnraum.example",
      { to: "buerger@example.org", subject: "Mit Landkreis", text: "x", countyId: "county-42" },
      { tagCounty: true },
    );
    await deliver(transport, "noreply@wohnraum.example", {
      to: "buerger@example.org",
      subject: "Ohne Kennung",
      text: "x",
      countyId: "county-42",
    });
    const { rows } = await sql.query<{ subject: string; county_id: string | null }>(
      "SELECT subject, county_id FROM caught_mail WHERE subject IN ('Mit Landkreis', 'Ohne Kennung') ORDER BY subject",
    );
    // Only the catcher gets the internal id; mail to real recipients carries none.
    expect(rows).toEqual([
      { subject: "Mit Landkreis", county_id: "county-42" },
      { subject: "Ohne Kennung", county_id: null },
    ]);
  });

  it("cannot be started without a credential", async () => {
    await expect(
      startMailCatcher({ connectionString: process.env.DATABASE_URL!, port: 0, credentials: { user: "", password: "" } }),
    ).rejects.toThrow(/user name and a password/);
  });
});
