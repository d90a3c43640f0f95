import { afterAll, describe, expect, it } from "vitest";
import { createBoss, QUEUES, type PgBoss } from "../../lib/jobs/boss";
import { registerWorkers } from "../../lib/jobs/workers";
import { db } from "../../lib/db/client";
import { mailCatcherUrl, startMailCatcher, type MailCatcher } from "../../lib/mail/catcher";
import { createMailTransport } from "../../lib/mail/transport";

const url = process.env.DATABASE_URL!;
const running: { bosses: PgBoss[]; catcher?: MailCatcher } = { bosses: [] };

afterAll(async () => {
  for (const boss of running.bosses) await boss.stop({ graceful: false, wait: true }).catch(() => {});
  await running.catcher?.close();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("timed out");
}

describe("mail through the job queue and a real SMTP server", () => {
  it("two app instances working one queue send every mail exactly once", async () => {
    const credentials = { user: "wohnraum", password: "catcher-test-password" };
    const catcher = await startMailCatcher({ connectionString: url, port: 0, credentials });
    running.catcher = catcher;
    const transport = createMailTransport(mailCatcherUrl(catcher.port, credentials));
    // Two "instances", each with its own pg-boss and its own workers.
    for (let instance = 0; instance < 2; instance++) {
      const boss = await createBoss(url);
      running.bosses.push(boss);
      await registerWorkers(boss, {
        prisma: db(),
        transport,
        mailFrom: "Wohnraum <noreply@wohnraum.example>",
        appUrl: "http://localhost:3999",
        signInRetentionDays: 90,
      });
    }
    const total = 12;
    for (let index = 0; index < total; index++) {
      await running.bosses[index % 2]!.send(QUEUES.sendMail, {
        to: `empfaenger-${index}@example.org`,
        bcc: "postfach@kommune-a.example",
        subject: `Nachricht ${index} – Grüße`,
        text: `Hallo ${index}, Umlaute: äöüß`,
      });
    }
    await waitFor(async () => (await db().caughtMail.count()) >= total);
    await new Promise((resolve) => setTimeout(resolve, 2500)); // would a duplicate still arrive?

    const mails = await db().caughtMail.findMany({ orderBy: { subject: "asc" } });
    expect(mails).toHaveLength(total);
    expect(new Set(mails.map((mail) => mail.subject)).size).toBe(total);
    const first = mails.find((mail) => mail.subject === "Nachricht 0 – Grüße")!;
    expect(first.text.trim()).toBe("Hallo 0, Umlaute: äöüß");
    expect(first.envelopeTo.sort()).toEqual(["empfaenger-0@example.org", "postfach@kommune-a.example"]);
    expect(first.headerTo).toBe("empfaenger-0@example.org");
    expect(first.headerTo).not.toContain("postfach"); // BCC stays hidden from the recipient
  });
});
