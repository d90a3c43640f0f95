import path from "node:path";

/** The installation's data folder: the embedded PostgreSQL, its secrets and, by default, the backups. */
export function dataDir(): string {
  return path.resolve(process.env.WOHNRAUM_DATA_DIR || ".data");
}
