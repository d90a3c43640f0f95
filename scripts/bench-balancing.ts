// The balancing proposal alone, without database or build: `npx tsx scripts/bench-balancing.ts`.
// Synthetic municipalities (random shortfalls and free places, neighbours on a ring); the figure
// in docs/benchmarks.md comes from `npm run bench`, on the generated state's evaluation.
import { machineLine } from "./bench/report-file";
import { measureBalancing, ringLinks, seededRandom, syntheticMunicipalities } from "./bench/balancing";
import { ms } from "./bench/stats";

console.log(machineLine());
console.log("| municipalities | short | places missing | spare | agreements | uncovered | median | p95 | runs |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const size of [250, 1000, 4000]) {
  const random = seededRandom(size);
  const municipalities = syntheticMunicipalities(size, random);
  const { timing, proposal } = measureBalancing(
    municipalities,
    ringLinks(
      municipalities.map((m) => m.id),
      random,
    ),
    size > 1000 ? 5 : 20,
  );
  const t = proposal.totals;
  console.log(
    `| ${size} | ${t.municipalitiesShort} | ${t.shortfall} | ${t.spare} | ${t.transfers} | ${t.uncovered} | ${ms(timing.median)} | ${ms(timing.p95)} | ${timing.runs} |`,
  );
}
