// `npm run bench:rush`: the public board under a rush (issue 11). 100,000 published offers across
// 1,000 municipalities; the filtered list page and GET /api/v1/offers through the built app,
// next to a minimal node:http server on the same pg driver running the same SQL and answering
// the same JSON (scripts/bench/floor-server.ts), all in one run. Writes its section of
// docs/benchmarks.md. Uses BENCH_DATABASE_URL when set (an empty database), else an embedded
// PostgreSQL kept in .data/bench-rush, so a second run skips the generation.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/platform/embedded-postgres";
import { freePort } from "../lib/platform/ports";
import { log, runCli } from "./cli";
import { buildIfStale, spawnApp, TSX_CLI, waitForHealth } from "./next-app";
import { BOARD_SLUG, ensureBoardData, MUNICIPALITIES, OFFERS } from "./bench/board-data";
import { machineLine, writeBenchSection } from "./bench/report-file";
import { oneAtATime, underLoad, type LoadResult } from "./bench/rush-load";
import { ms, summary } from "./bench/stats";

const CONNECTIONS = 50;
const LOAD_SECONDS = 20;
const SEQUENTIAL_RUNS = 200;

// A few common filter combinations: everything (newest first), one municipality, a family
// looking for a flat by rent, and the cost filter with an option on a later page.
const FILTERS = ["", "?gemeinde=gemeinde-17", "?art=FLAT&personen=3&sortierung=miete", "?kosten=1&barrierefrei=1&seite=3"];

async function main() {
  let stopDatabase = async () => {};
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const cluster = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "bench-rush"), log });
    stopDatabase = () => cluster.stop();
    await ensureDatabase(cluster.connectionString("postgres"), "wohnraum_rush");
    url = cluster.connectionString("wohnraum_rush");
  }
  const children: ChildProcess[] = [];
  try {
    await applyMigrations(url, { log });
    const generation = await ensureBoardData(url, log);
    await buildIfStale({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log);

    const [appPort, floorPort] = [await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${appPort}`;
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    const env = {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: appUrl,
      BOARD_COUNTY: BOARD_SLUG,
      JOBS_WORKER: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const app = spawnApp(env, { port: appPort, dev: false, stdio: "ignore" });
    children.push(app);
    const floor = spawn(process.execPath, [TSX_CLI, path.join("scripts", "bench", "floor-server.ts")], {
      env: { ...env, PORT: String(floorPort) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(floor);
    await new Promise<void>((resolve, reject) => {
      floor.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
      floor.on("exit", (code) => reject(new Error(`The floor server exited (${code}).`)));
    });
    await waitForHealth(appUrl, app);

    // The same answer from both, or the comparison means nothing.
    for (const filter of FILTERS) {
      const [mine, theirs] = await Promise.all(
        [appUrl, floorUrl].map(async (base) => (await (await fetch(`${base}/api/v1/offers${filter}`)).json()) as { offers: unknown[] }),
      );
      if (!isDeepStrictEqual(mine, theirs))
        throw new Error(`The floor server's answer differs from the app's for ${filter || "(no filter)"}.`);
      if (mine!.offers.length === 0) throw new Error(`No offers for ${filter}: the filters measure nothing.`);
    }
    const totals = await Promise.all(
      FILTERS.map(async (filter) => ((await (await fetch(`${appUrl}/api/v1/offers${filter}`)).json()) as { total: number }).total),
    );
    log("The app and the floor answer the same JSON for every filter.");

    const apiUrls = (base: string) => FILTERS.map((filter) => `${base}/api/v1/offers${filter}`);
    const pageUrls = FILTERS.map((filter) => `${appUrl}/de/angebote${filter}`);

    log("One request at a time ...");
    const pageSequential = summary(await oneAtATime(pageUrls, SEQUENTIAL_RUNS));
    const apiSequential = summary(await oneAtATime(apiUrls(appUrl), SEQUENTIAL_RUNS));
    const floorSequential = summary(await oneAtATime(apiUrls(floorUrl), SEQUENTIAL_RUNS));
    const afterChange = summary(await pageAfterEveryChange(url, pageUrls, 60));

    log(`${CONNECTIONS} connections, ${LOAD_SECONDS} s each ...`);
    const floorLoad = await underLoad(apiUrls(floorUrl), CONNECTIONS, LOAD_SECONDS);
    const apiLoad = await underLoad(apiUrls(appUrl), CONNECTIONS, LOAD_SECONDS);
    const pageLoad = await underLoad(pageUrls, CONNECTIONS, LOAD_SECONDS);
    const pgVersion = await serverVersion(url);

    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const row = (name: string, load: LoadResult) =>
      `| ${name} | ${load.perSecond.toFixed(0)} | ${ms(load.p50)} | ${ms(load.p95)} | ${load.requests.toLocaleString("en")} | ${load.errors}${load.firstError ? ` (first: ${load.firstError})` : ""} |`;
    const report = `## The public board under a rush (\`npm run bench:rush\`)

Written by scripts/bench-rush.ts on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.
Machine: ${machineLine()}; PostgreSQL ${pgVersion} (${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded, default settings"}).
The app (built, one process), the floor server and this load client share the machine's cores.

Data: ${OFFERS.toLocaleString("en")} published offers across ${MUNICIPALITIES.toLocaleString("en")} municipalities of one county${generation.seconds ? `, generated in ${generation.seconds.toFixed(1)} s` : " (reused)"}.
Filters, in turn: ${FILTERS.map((filter, index) => `\`${filter || "(none)"}\` (${totals[index]!.toLocaleString("en")} offers match)`).join(", ")}.
The floor is a node:http server on the same pg driver running the same statements (lib/offers/list-sql.ts) without
a cache; the run checked that its JSON equals the app's for every filter before measuring.

### One request at a time (${SEQUENTIAL_RUNS} requests, the filters in turn)
| measurement | median | p95 | aim |
| --- | --- | --- | --- |
| list page /de/angebote (from the cache) | ${ms(pageSequential.median)} | ${ms(pageSequential.p95)} | p95 < 100 ms |
| list page right after a change of an offer (cache dropped, read again) | ${ms(afterChange.median)} | ${ms(afterChange.p95)} | |
| GET /api/v1/offers, the app | ${ms(apiSequential.median)} | ${ms(apiSequential.p95)} | |
| GET /api/v1/offers, the floor | ${ms(floorSequential.median)} | ${ms(floorSequential.p95)} | |

### ${CONNECTIONS} concurrent connections, ${LOAD_SECONDS} s each
| server | requests/s | median | p95 | requests | errors |
| --- | --- | --- | --- | --- | --- |
${row("floor: GET /api/v1/offers (node:http + pg, no cache)", floorLoad)}
${row("app: GET /api/v1/offers", apiLoad)}
${row("app: list page /de/angebote", pageLoad)}

Ratios to the floor: the app's API serves ${ratio(apiLoad.perSecond, floorLoad.perSecond)} the floor's requests per second
(aim: at least 1×), at ${ratio(apiLoad.p95, floorLoad.p95)} its p95; the list page (HTML, rendered per request, its data from
the cache) serves ${ratio(pageLoad.perSecond, floorLoad.perSecond)} the floor's JSON rate.`;
    await writeBenchSection("rush", report);
    log("Wrote docs/benchmarks.md");
    console.log(report);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await stopDatabase();
  }
}

/** A change to one offer (its description, as an offerer's edit would), then the list page: the miss path. */
async function pageAfterEveryChange(url: string, pages: string[], runs: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      await client.query("UPDATE housing_offer SET description = $2 WHERE id = $1", [
        `ao${1 + run}`,
        `Angebot ${1 + run}: geändert (${run}).`,
      ]);
      const started = performance.now();
      const response = await fetch(pages[run % pages.length]!);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${pages[run % pages.length]} answered ${response.status}`);
      samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    await client.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

runCli(main);
