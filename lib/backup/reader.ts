import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import {
  BackupFileError,
  backupHeaderSchema,
  END_PREFIX,
  SEQUENCES_PREFIX,
  sequencesSchema,
  TABLE_PREFIX,
  tableLineSchema,
  trailerSchema,
  type BackupHeader,
} from "./format";

// Reads a logical backup (lib/backup/format.ts) as a stream and checks its structure and row
// counts against the trailer. A restore reads the file twice: once with no handlers, to refuse a
// damaged or truncated file before touching the database, then with handlers that COPY the rows.

export interface BackupContents {
  header: BackupHeader;
  tables: { name: string; columns: string[]; rows: number }[];
  sequences: z.infer<typeof sequencesSchema>;
}

export interface BackupHandlers {
  header?(header: BackupHeader): Promise<void>;
  tableStart?(table: { name: string; columns: string[] }): Promise<void>;
  /** COPY text rows, each ending with a line break; a row is never split across calls. */
  rows?(data: Buffer): Promise<void>;
  tableEnd?(table: { name: string; rows: number }): Promise<void>;
}

const BACKSLASH = 0x5c;
const DOT = 0x2e;
const NEWLINE = 0x0a;

function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFileError(`The backup's ${what} is not readable: it is damaged.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupFileError(`The backup's ${what} is not as expected (${parsed.error.issues[0]!.message}).`);
  return parsed.data;
}

export async function readBackup(file: string, handlers: BackupHandlers = {}): Promise<BackupContents> {
  let header: BackupHeader | null = null;
  const tables: BackupContents["tables"] = [];
  let sequences: BackupContents["sequences"] | null = null;
  let ended = false;
  // An object, not a `let`: TypeScript does not see the closure below assign a `let`.
  const state: { current: { name: string; columns: string[]; rows: number } | null } = { current: null };

  const controlLine = async (line: string) => {
    if (ended) throw new BackupFileError("The backup has data after its end mark: it is damaged.");
    if (!header) {
      header = parseJson(backupHeaderSchema, line, "header (first line)");
      await handlers.header?.(header);
    } else if (line.startsWith(TABLE_PREFIX)) {
      const match = /^(\S+) (\[.*\])$/.exec(line.slice(TABLE_PREFIX.length));
      if (!match) throw new BackupFileError("The backup holds a damaged table line.");
      const parsed = tableLineSchema.safeParse({ name: match[1], columns: parseJson(z.array(z.string()), match[2]!, "table line") });
      if (!parsed.success) throw new BackupFileError("The backup holds a damaged table line.");
      const table = parsed.data;
      if (tables.some((seen) => seen.name === table.name)) throw new BackupFileError(`The backup holds table ${table.name} twice.`);
      state.current = { ...table, rows: 0 };
      await handlers.tableStart?.(table);
    } else if (line.startsWith(SEQUENCES_PREFIX)) {
      sequences = parseJson(sequencesSchema, line.slice(SEQUENCES_PREFIX.length), "sequence values");
    } else if (line.startsWith(END_PREFIX)) {
      const trailer = parseJson(trailerSchema, line.slice(END_PREFIX.length), "end mark");
      const expected = Object.entries(trailer.rows).sort(([a], [b]) => a.localeCompare(b));
      const found = tables.map((table) => [table.name, table.rows] as const).sort(([a], [b]) => a.localeCompare(b));
      if (JSON.stringify(expected) !== JSON.stringify(found)) {
        throw new BackupFileError("The backup's row counts do not match its end mark: it is damaged.");
      }
      ended = true;
    } else {
      throw new BackupFileError("The backup holds a line it does not expect: it is damaged.");
    }
  };

  let carry: Buffer | null = null;
  try {
    // Read with a large buffer: COPY rows are short, so most chunks hold many of them.
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 16 }))) {
      const buffer: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      carry = null;
      let start = 0;
      let rowsFrom = -1;
      while (start < buffer.length) {
        const end = buffer.indexOf(NEWLINE, start);
        if (end === -1) break;
        const current = state.current;
        if (current) {
          const isEndOfData = end - start === 2 && buffer[start] === BACKSLASH && buffer[start + 1] === DOT;
          if (!isEndOfData) {
            if (rowsFrom === -1) rowsFrom = start;
            current.rows++;
          } else {
            if (rowsFrom !== -1) await handlers.rows?.(buffer.subarray(rowsFrom, start));
            rowsFrom = -1;
            tables.push(current);
            state.current = null;
            await handlers.tableEnd?.({ name: current.name, rows: current.rows });
          }
        } else {
          await controlLine(buffer.toString("utf8", start, end));
        }
        start = end + 1;
      }
      if (rowsFrom !== -1) await handlers.rows?.(buffer.subarray(rowsFrom, start));
      if (start < buffer.length) carry = buffer.subarray(start);
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupFileError(`There is no file ${file}.`);
    if (code === "Z_BUF_ERROR") throw new BackupFileError("The backup file is incomplete (it ends in the middle): it was truncated.");
    if (code === "Z_DATA_ERROR") throw new BackupFileError("The file is not a Wohnraum backup, or it is damaged (not readable as gzip).");
    throw error;
  }
  if (carry?.length || state.current) throw new BackupFileError("The backup file ends in the middle of a table: it is incomplete.");
  if (!header) throw new BackupFileError("The file is empty: it is not a Wohnraum backup.");
  if (!ended || !sequences) throw new BackupFileError("The backup file has no end mark: it is incomplete.");
  return { header, tables, sequences };
}
