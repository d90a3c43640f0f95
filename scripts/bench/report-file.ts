import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// docs/benchmarks.md holds the main benchmark's report and one marked section per other
// benchmark (`<!-- bench:<name>:start -->` … `end`); each script replaces only its own part.

export const BENCHMARKS_FILE = path.join("docs", "benchmarks.md");

export const sectionMarkers = (name: string) => ({ start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` });

/** The machine a figure was measured on, for the report. */
export function machineLine(): string {
  return `${os.cpus()[0]?.model ?? "CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node.js ${process.version}`;
}

/** Writes `body` as the named section: in place of the old one, or appended. */
export async function writeBenchSection(name: string, body: string): Promise<void> {
  const { start, end } = sectionMarkers(name);
  const section = `${start}\n${body.trim()}\n${end}`;
  const current = await readFile(BENCHMARKS_FILE, "utf8").catch(() => "# Benchmarks\n");
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + section + current.slice(to + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(BENCHMARKS_FILE, next);
}

/** The marked sections of the current file, which the main benchmark keeps below its report. */
export async function keptBenchSections(): Promise<string[]> {
  const current = await readFile(BENCHMARKS_FILE, "utf8").catch(() => "");
  return current.match(/<!-- bench:[a-z]+:start -->[\s\S]*?<!-- bench:[a-z]+:end -->/g) ?? [];
}
