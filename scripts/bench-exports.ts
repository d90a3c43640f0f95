// `npm run bench:exports`: how long the evaluation workbook and CSV take for a state-sized county
// (1,000 municipalities, 12 months of weekly history) and how much memory the writing process
// needs. Each size runs in a fresh Node process (the same modules the server uses), sampling its
// resident memory every 5 ms; the difference to the process's memory before writing shows what the
// export itself costs. Results go into their own section of docs/benchmarks.md.
import { execFile } from "node:child_process";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { evaluateCounty, type MunicipalityReportInput } from "../lib/capacity/evaluation";
import { FIGURE_KEYS, type Figures } from "../lib/capacity/figures";
import { lageCsv } from "../lib/exports/csv";
import type { LageExport } from "../lib/exports/lage-data";
import { writeLageWorkbook } from "../lib/exports/xlsx";
import { addDays, berlinDay } from "../lib/dates";
import { BENCHMARKS_FILE, machineLine, writeBenchSection } from "./bench/report-file";

const SIZES = [250, 1000, 4000];
const HISTORY_WEEKS = 52;

function syntheticExport(municipalities: number): LageExport {
  const stand = berlinDay();
  const inputs = (asOf: string, seed: number): MunicipalityReportInput[] =>
    Array.from({ length: municipalities }, (_, index) => {
      const figures = Object.fromEntries(
        FIGURE_KEYS.map((key, k) => [
          key,
          (index * 31 + k * 7 + seed) % 9 === 0 ? null : ((index * 13 + k * 17 + seed) % 400) - (key === "quotaOutstanding" ? 50 : 0),
        ]),
      ) as Figures;
      return {
        municipalityId: `m${index}`,
        name: `Gemeinde ${index + 1}`,
        slug: `g${index}`,
        report: { id: `r${index}`, reportingDate: asOf, figures, situation: index % 3 ? "SUFFICIENT" : "CRITICAL" },
      };
    });
  const evaluation = evaluateCounty(inputs(stand, 0), { asOf: stand, intervalDays: 7 });
  const history = Array.from({ length: HISTORY_WEEKS }, (_, week) => {
    const asOf = addDays(stand, -7 * (HISTORY_WEEKS - 1 - week));
    return { asOf, ...evaluateCounty(inputs(asOf, week), { asOf, intervalDays: 7 }).totals };
  });
  return {
    countyName: "Landkreis Benchmark",
    countySlug: "benchmark",
    isDemo: true,
    stand,
    evaluation,
    previous: null,
    history,
    generatedAt: new Date(),
    generatedBy: "Benchmark",
  };
}

/** Child: writes one workbook and one CSV, prints its measurements as JSON. */
async function measure(municipalities: number) {
  const data = syntheticExport(municipalities);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let bytes = 0;
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.length), done()) });
  const started = performance.now();
  await writeLageWorkbook(data, sink);
  const workbookMs = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  const csvStarted = performance.now();
  const csv = lageCsv(data, "auswertung") + lageCsv(data, "uebersicht") + lageCsv(data, "verlauf");
  const csvMs = performance.now() - csvStarted;
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      municipalities,
      workbookMs,
      workbookBytes: bytes,
      csvMs,
      csvBytes: Buffer.byteLength(csv),
      baselineRss: baseline,
      peakRss: peak,
    }),
  );
}

async function main() {
  const run = promisify(execFile);
  const results: {
    municipalities: number;
    workbookMs: number;
    workbookBytes: number;
    csvMs: number;
    csvBytes: number;
    baselineRss: number;
    peakRss: number;
  }[] = [];
  for (const size of SIZES) {
    const { stdout } = await run(process.execPath, [...process.execArgv, "--expose-gc", process.argv[1]!, "--child", String(size)], {
      maxBuffer: 1 << 20,
    });
    results.push(JSON.parse(stdout.trim().split("\n").pop()!) as (typeof results)[number]);
    console.log(`[bench:exports] ${size} municipalities done`);
  }
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const section = `## Exports (\`npm run bench:exports\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)
Machine: ${machineLine()}.
One county with N municipalities: the workbook (Übersicht, Auswertung, Verlauf with ${HISTORY_WEEKS} weekly reporting dates, Hinweise) written by the
streaming writer into a discarding stream, and the three CSV tables. Each size in a fresh Node process; "RSS" is its resident memory
sampled every 5 ms while writing, "before" the same process with the data loaded and nothing written yet.

| municipalities | workbook | workbook size | CSV (3 tables) | RSS before | RSS peak | peak − before |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${results.map((result) => `| ${result.municipalities.toLocaleString("en")} | ${(result.workbookMs / 1000).toFixed(2)} s | ${(result.workbookBytes / 1024).toFixed(0)} KB | ${result.csvMs.toFixed(0)} ms | ${mb(result.baselineRss)} | ${mb(result.peakRss)} | ${mb(result.peakRss - result.baselineRss)} |`).join("\n")}

Aim for 1,000 municipalities: under 5 s and under 300 MB for the workbook. The evaluation's rows are in memory anyway (the page shows
them); what writing adds grows with the rows being written, not with a copy of the file.
`;
  await writeBenchSection("exports", section);
  console.log(`[bench:exports] wrote ${BENCHMARKS_FILE}`);
  for (const result of results)
    console.log(
      `  ${result.municipalities}: workbook ${(result.workbookMs / 1000).toFixed(2)} s, RSS peak ${mb(result.peakRss)} (before ${mb(result.baselineRss)})`,
    );
}

if (process.argv[2] === "--child") await measure(Number(process.argv[3]));
else await main();
