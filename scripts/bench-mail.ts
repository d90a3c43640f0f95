// `npm run bench:mail`: how fast queued mail leaves. 1,000 mails are queued in pg-boss and
// delivered by one and by two worker instances (each its own pg-boss, as two app processes
// have) to the app's SMTP catcher on loopback; the clock runs from the first fetch to the last
// mail stored. Every mail must arrive exactly once. Results go into their own section of
// docs/benchmarks.md. Uses an embedded PostgreSQL in .data/bench-mail.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { createBoss, QUEUES, type PgBoss } from "../lib/jobs/boss";
import { registerMailWorker } from "../lib/jobs/workers";
import { mailCatcherUrl, startMailCatcher } from "../lib/mail/catcher";
import { createMailTransport } from "../lib/mail/transport";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/platform/embedded-postgres";
import { freePort } from "../lib/platform/ports";
import { log, runCli } from "./cli";
import { machineLine, writeBenchSection } from "./bench/report-file";

const MAILS = 1000;

async function drain(url: string, instances: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("TRUNCATE caught_mail");
  const credentials = { user: "bench", password: randomBytes(12).toString("hex") };
  const port = await freePort();
  const catcher = await startMailCatcher({ connectionString: url, port, credentials });
  const producer = await createBoss(url);
  await producer.deleteQueue(QUEUES.sendMail).catch(() => {});
  await producer.stop({ graceful: false, wait: true });
  const queueOwner = await createBoss(url);
  const run = randomBytes(4).toString("hex");
  await queueOwner.insert(
    Array.from({ length: MAILS }, (_, index) => ({
      name: QUEUES.sendMail,
      data: { to: `empfaenger-${index}@example.org`, subject: `Benchmark ${run} ${index}`, text: "Hallo" },
    })),
  );
  await queueOwner.stop({ graceful: false, wait: true });

  const bosses: PgBoss[] = [];
  const started = performance.now();
  for (let instance = 0; instance < instances; instance++) {
    const boss = await createBoss(url);
    bosses.push(boss);
    await registerMailWorker(boss, {
      transport: createMailTransport(mailCatcherUrl(port, credentials)),
      mailFrom: "noreply@wohnraum.example",
      mailCatcher: true,
    });
  }
  let stored = 0;
  while (stored < MAILS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    stored = Number(
      (await client.query<{ count: string }>("SELECT count(*) FROM caught_mail WHERE subject LIKE $1", [`Benchmark ${run} %`])).rows[0]!
        .count,
    );
    if (performance.now() - started > 600_000) throw new Error(`only ${stored} of ${MAILS} mails after 10 minutes`);
  }
  const seconds = (performance.now() - started) / 1000;
  // Wait out a round, then count again: a duplicate would show up now.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const { rows } = await client.query<{ total: string; distinct: string }>(
    "SELECT count(*) AS total, count(DISTINCT subject) AS distinct FROM caught_mail WHERE subject LIKE $1",
    [`Benchmark ${run} %`],
  );
  await Promise.all(bosses.map((boss) => boss.stop({ graceful: true, wait: true })));
  await catcher.close();
  await client.end();
  return { instances, seconds, perSecond: MAILS / seconds, total: Number(rows[0]!.total), distinct: Number(rows[0]!.distinct) };
}

async function main() {
  const cluster = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "bench-mail"), log });
  try {
    await ensureDatabase(cluster.connectionString("postgres"), "wohnraum_bench_mail");
    const url = cluster.connectionString("wohnraum_bench_mail");
    await applyMigrations(url, { log });
    const results = [];
    for (const instances of [1, 2]) {
      log(`${MAILS} mails, ${instances} instance(s) ...`);
      const result = await drain(url, instances);
      log(`  ${result.seconds.toFixed(1)} s, ${result.perSecond.toFixed(0)} mails/s, ${result.total} stored, ${result.distinct} distinct`);
      if (result.total !== MAILS || result.distinct !== MAILS)
        throw new Error(`not exactly once: ${result.total} stored, ${result.distinct} distinct`);
      results.push(result);
    }
    const section = `## Mail delivery (\`npm run bench:mail\`)

Machine: ${machineLine()}; embedded PostgreSQL; measured ${new Date().toISOString().slice(0, 10)}.

${MAILS} mails queued in pg-boss, delivered to the app's SMTP catcher on loopback (which stores each in PostgreSQL), from the workers' start to the last mail stored:

| worker instances | time | mails/s | stored | distinct |
| ---: | ---: | ---: | ---: | ---: |
${results.map((result) => `| ${result.instances} | ${result.seconds.toFixed(1)} s | ${result.perSecond.toFixed(0)} | ${result.total} | ${result.distinct} |`).join("\n")}

A worker fetches up to 25 jobs per round, delivers 5 at a time and fetches the next round at once
after a full one (\`lib/jobs/workers.ts\`); before, each instance fetched one job per second.
`;
    await writeBenchSection("mail", section);
    log("Wrote docs/benchmarks.md");
    console.log(section);
  } finally {
    await cluster.stop();
  }
}

runCli(main);
