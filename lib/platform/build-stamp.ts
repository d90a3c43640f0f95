import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// `npm start` builds only when the sources changed since the last build: the stamp is a hash of
// every file that goes into the build.
const INPUTS = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP_FILE = path.join(".next", "wohnraum-build-stamp");

async function collect(entry: string, files: string[]) {
  if (!existsSync(entry)) return;
  const dirents = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!dirents) {
    files.push(entry);
    return;
  }
  for (const dirent of dirents) {
    if (SKIP.has(dirent.name)) continue;
    const child = path.join(entry, dirent.name);
    if (dirent.isDirectory()) await collect(child, files);
    else files.push(child);
  }
}

export async function sourceStamp(root = process.cwd()): Promise<string> {
  const files: string[] = [];
  for (const input of INPUTS) await collect(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    hash.update(await readFile(file));
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(root = process.cwd()): Promise<boolean> {
  const stampFile = path.join(root, STAMP_FILE);
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(stampFile)) return false;
  return (await readFile(stampFile, "utf8")).trim() === (await sourceStamp(root));
}

export async function writeBuildStamp(stamp: string, root = process.cwd()): Promise<void> {
  await writeFile(path.join(root, STAMP_FILE), stamp + "\n");
}
