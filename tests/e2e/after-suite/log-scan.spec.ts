import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD, E2E_LOG_FILE, E2E_METRICS_TOKEN } from "../../../playwright.config";
import { ACCOUNTS, withDatabase } from "../helpers";

// Runs after every other end-to-end test (playwright.config.ts projects): what the server printed
// during the whole run (npm start's lines and the app's JSON log, WOHNRAUM_LOG_FILE) must hold no
// password, no secret, no token of a link that was mailed, no mail body and none of the board's
// contact data (issue 13).

const dataDir = path.dirname(E2E_LOG_FILE);
const readSecret = (name: string) =>
  existsSync(path.join(dataDir, name)) ? readFileSync(path.join(dataDir, name), "utf8").trim() : undefined;

test("the server's output of the whole run holds no secrets, tokens, mail bodies or contact data", async () => {
  const log = readFileSync(E2E_LOG_FILE, "utf8");
  const lines = log.split("\n").filter((line) => line.trim());

  // The scan has something to scan: the app logged the requests of the run as JSON lines, each
  // with its request id, and the outage test's errors by type and code.
  const entries = lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);
  const requests = entries.filter((entry) => entry.msg === "request");
  expect(requests.length).toBeGreaterThan(200);
  for (const entry of requests) expect(entry.requestId).toMatch(/^[0-9a-f]{12}$/);
  expect(entries.some((entry) => entry.msg === "database unavailable")).toBe(true);
  // Nothing bare: each line is a JSON log entry or one of npm start's own "[wohnraum]" lines.
  expect(lines.filter((line) => !line.startsWith("{") && !line.startsWith("[wohnraum]"))).toEqual([]);

  const secrets: { what: string; value: string }[] = [
    { what: "demo password", value: E2E_DEMO_PASSWORD },
    { what: "metrics token", value: E2E_METRICS_TOKEN },
  ];
  for (const name of ["auth-secret", "app-db-password", "pg-password"]) {
    const value = readSecret(name);
    expect(value, name).toBeTruthy();
    secrets.push({ what: name, value: value! });
  }

  await withDatabase(async (client) => {
    // Every token that went out in a mail (invitations, resets, manage and confirmation links),
    // and each mail's body, line by line.
    const mails = (await client.query<{ text: string }>("SELECT text FROM caught_mail")).rows;
    expect(mails.length).toBeGreaterThan(5);
    for (const { text } of mails) {
      for (const match of text.matchAll(/https?:\/\/\S+/g)) {
        for (const segment of new URL(match[0]).pathname.split("/")) {
          if (/^[A-Za-z0-9_-]{16,}$/.test(segment)) secrets.push({ what: "token from a mail link", value: segment });
        }
      }
      for (const line of text.split("\n")) if (line.trim().length >= 40) secrets.push({ what: "mail body line", value: line.trim() });
    }
    // The board's contact data: offerers' addresses and phones, seekers' addresses and messages.
    const offers = (
      await client.query<{ contact_email: string | null; contact_phone: string | null }>(
        "SELECT contact_email, contact_phone FROM housing_offer",
      )
    ).rows;
    for (const offer of offers) {
      if (offer.contact_email) secrets.push({ what: "offerer's e-mail", value: offer.contact_email });
      if (offer.contact_phone && offer.contact_phone.length >= 6) secrets.push({ what: "offerer's phone", value: offer.contact_phone });
    }
    const contacts = (
      await client.query<{ sender_email: string | null; message: string | null }>("SELECT sender_email, message FROM offer_contact")
    ).rows;
    for (const contact of contacts) {
      if (contact.sender_email) secrets.push({ what: "seeker's e-mail", value: contact.sender_email });
      if (contact.message && contact.message.length >= 12) secrets.push({ what: "seeker's message", value: contact.message });
    }
  });
  expect(secrets.filter((secret) => secret.what === "token from a mail link").length).toBeGreaterThan(3);

  const found = secrets.filter((secret) => log.includes(secret.value)).map((secret) => `${secret.what}: ${secret.value.slice(0, 12)}…`);
  expect(found).toEqual([]);

  // No e-mail address at all, except the demo accounts npm start lists and the sender.
  const allowed = new Set<string>([...Object.values(ACCOUNTS), "noreply@wohnraum.example"]);
  const addresses = [...new Set(log.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [])];
  expect(addresses.filter((address) => !allowed.has(address))).toEqual([]);
});
