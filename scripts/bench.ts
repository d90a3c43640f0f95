// `npm run bench`: the evaluation's performance on a state-sized data set (issue: 40 counties ×
// 25 municipalities × 2 years of daily reports), written to docs/benchmarks.md.
// Uses BENCH_DATABASE_URL when set (an empty database), else an embedded PostgreSQL whose data
// is kept in .data/bench, so a second run skips the generation.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { balancingInputOf } from "../lib/capacity/balancing";
import { evaluateCountiesAsOf } from "../lib/capacity/queries";
import { LATEST_REPORTS_SQL } from "../lib/capacity/latest-reports";
import { addDays, berlinDay } from "../lib/dates";
import { applyMigrations } from "../lib/db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/platform/embedded-postgres";
import { freePort } from "../lib/platform/ports";
import { log, runCli } from "./cli";
import { buildIfStale, spawnApp, waitForHealth } from "./next-app";
import { measureBalancing, ringLinks, seededRandom } from "./bench/balancing";
import { concurrent, evaluationRows, sequential, signInCookie } from "./bench/lage-load";
import { COUNTIES, DAYS, generateStateData, MUNICIPALITIES_PER_COUNTY } from "./bench/state-data";
import { ms, summary } from "./bench/stats";
import { BENCHMARKS_FILE, keptBenchSections } from "./bench/report-file";

const RUNS = 200;

async function main() {
  let stopDatabase = async () => {};
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const cluster = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "bench"), log });
    stopDatabase = () => cluster.stop();
    await ensureDatabase(cluster.connectionString("postgres"), "wohnraum_bench");
    url = cluster.connectionString("wohnraum_bench");
  }
  // The app's data functions read DATABASE_URL through lib/env.
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  let app: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations(url, { log });
    const generation = await generateStateData(url, log);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const today = berlinDay();
    const randomDay = () => addDays(today, -Math.floor(Math.random() * DAYS));
    const allCounties = Array.from({ length: COUNTIES }, (_, index) => `c${index + 1}`);
    const randomCounty = () => allCounties[Math.floor(Math.random() * COUNTIES)]!;

    log("One county as of a random date ...");
    const dbSamples: number[] = [];
    const execSamples: number[] = [];
    const totalSamples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const query = LATEST_REPORTS_SQL([randomCounty()], [randomDay()]);
      let started = performance.now();
      await client.query(query.text, query.values);
      dbSamples.push(performance.now() - started);
      const explained = await client.query<{ "QUERY PLAN": { "Execution Time": number }[] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
        query.values,
      );
      execSamples.push(explained.rows[0]!["QUERY PLAN"][0]!["Execution Time"]);
      started = performance.now();
      await evaluateCountiesAsOf([randomCounty()], [randomDay()], 7);
      totalSamples.push(performance.now() - started);
    }
    const plan = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) ${LATEST_REPORTS_SQL(["c1"], [randomDay()]).text}`,
      LATEST_REPORTS_SQL(["c1"], [randomDay()]).values,
    );
    const planText = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
    const indexesUsed = [...planText.matchAll(/((?:Bitmap )?Index(?: Only)? Scan(?: Backward)?) (?:using|on) (\S+)/g)].map(
      (match) => `${match[1]!.toLowerCase()} on \`${match[2]}\``,
    );

    log("The whole state as of a random date ...");
    const stateDb: number[] = [];
    const stateTotal: number[] = [];
    for (let run = 0; run < 50; run++) {
      const query = LATEST_REPORTS_SQL(allCounties, [randomDay()]);
      let started = performance.now();
      await client.query(query.text, query.values);
      stateDb.push(performance.now() - started);
      started = performance.now();
      await evaluateCountiesAsOf(allCounties, [randomDay()], 7);
      stateTotal.push(performance.now() - started);
    }

    // The balancing proposal (issue 12) over the whole state as one pool, each municipality
    // bordering two on either side (the generated set has no recorded neighbours).
    log("Balancing proposal for the whole state ...");
    const [stateEvaluation] = await evaluateCountiesAsOf(allCounties, [today], 7);
    const balancingInput = stateEvaluation!.rows.map(balancingInputOf);
    const balancing = measureBalancing(balancingInput, ringLinks(balancingInput.map((row) => row.id).sort(), seededRandom(12)));

    log("/lage through the built app ...");
    const password = randomBytes(12).toString("hex");
    await client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, county_id, updated_at)
       VALUES ('bench-user', 'bench@wohnraum.example', 'Benchmark', $1, 'COORDINATOR', 'c1', now())
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
      [await hashPassword(password)],
    );
    const pgVersion = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    await client.end();
    await buildIfStale({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log);
    const port = await freePort();
    app = spawnApp(
      { ...process.env, JOBS_WORKER: "0", AUTH_TRUST_HOST: "true", APP_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
      { port, dev: false, stdio: "ignore" },
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, app);
    const cookie = await signInCookie(baseUrl, "bench@wohnraum.example", password);
    const isEvaluation = evaluationRows(MUNICIPALITIES_PER_COUNTY);
    const lageSequential = summary(await sequential(`${baseUrl}/lage`, cookie, 100, isEvaluation));
    const lagePast = summary(await sequential(`${baseUrl}/lage?stand=${addDays(today, -400)}`, cookie, 50, isEvaluation));
    const lageConcurrent = await concurrent(`${baseUrl}/lage`, cookie, 20, isEvaluation, { maxRequests: 1000, maxSeconds: 30 });

    const one = { db: summary(dbSamples), exec: summary(execSamples), total: summary(totalSamples) };
    const state = { db: summary(stateDb), total: summary(stateTotal) };
    const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.

## Machine
- CPU: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores
- Memory: ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB
- ${os.type()} ${os.release()}, Node.js ${process.version}, PostgreSQL ${pgVersion} (${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded, default settings"})

## Data set
${COUNTIES} counties × ${MUNICIPALITIES_PER_COUNTY} municipalities, one report per municipality per day for ${DAYS} days:
${generation.reports.toLocaleString("en")} reports${generation.seconds ? `, generated in ${generation.seconds.toFixed(1)} s` : " (reused)"}.

## Results
| measurement | median | p95 | runs | target |
| --- | --- | --- | --- | --- |
| one county as of a random date: database, round trip | ${ms(one.db.median)} | ${ms(one.db.p95)} | ${one.db.runs} | < 5 ms |
| one county: PostgreSQL execution time (EXPLAIN ANALYZE) | ${ms(one.exec.median)} | ${ms(one.exec.p95)} | ${one.exec.runs} | |
| one county: total (Prisma query + evaluation module) | ${ms(one.total.median)} | ${ms(one.total.p95)} | ${one.total.runs} | |
| whole state (1,000 municipalities): database, round trip | ${ms(state.db.median)} | ${ms(state.db.p95)} | ${state.db.runs} | < 60 ms |
| whole state: total (Prisma query + evaluation module) | ${ms(state.total.median)} | ${ms(state.total.p95)} | ${state.total.runs} | |
| balancing proposal, whole state (${balancingInput.length.toLocaleString("en")} municipalities) | ${ms(balancing.timing.median)} | ${ms(balancing.timing.p95)} | ${balancing.timing.runs} | < 1 s |
| GET /lage (today), one request at a time | ${ms(lageSequential.median)} | ${ms(lageSequential.p95)} | ${lageSequential.runs} | p95 < 50 ms |
| GET /lage?stand=(400 days ago), one at a time | ${ms(lagePast.median)} | ${ms(lagePast.p95)} | ${lagePast.runs} | |

/lage under 20 concurrent connections: ${lageConcurrent.requests} requests in ${lageConcurrent.seconds.toFixed(1)} s,
**${lageConcurrent.perSecond.toFixed(1)} requests/s**, latency median ${ms(lageConcurrent.p50)}, p95 ${ms(lageConcurrent.p95)}.

The balancing proposal (\`proposeBalancing\`, no database) took the evaluation of the whole state as
one county: ${balancing.proposal.totals.municipalitiesShort} municipalities short by ${balancing.proposal.totals.shortfall.toLocaleString("en")} places,
${balancing.proposal.givers.length} with ${balancing.proposal.totals.spare.toLocaleString("en")} places to spare, each bordering the two next on either side of a
ring; it proposed ${balancing.proposal.totals.transfers} agreements and left ${balancing.proposal.totals.uncovered.toLocaleString("en")} places uncovered.

/lage renders the county's table (25 municipalities), the totals and the 13-week trend (13 dates ×
25 municipalities, one query), signed in as a coordinator; times are measured by the client on
loopback, so they include rendering and transfer.

## Query plan (one county)
Each municipality's latest report on or before the date is one index probe (a nested loop over
the county's municipalities, \`LIMIT 1\` per municipality). The index scans in this run's plan, read
from the plan itself: ${[...new Set(indexesUsed)].join("; ")}.

\`\`\`
${planText}
\`\`\`
`;
    // Keep the sections `npm run bench:exports` and `bench:mail` write into the same file.
    await writeFile(BENCHMARKS_FILE, [report.trimEnd(), ...(await keptBenchSections())].join("\n\n") + "\n");
    log("Wrote docs/benchmarks.md");
    console.log(report);
  } finally {
    if (app && app.exitCode === null) app.kill("SIGTERM");
    await stopDatabase();
  }
}

runCli(main);
