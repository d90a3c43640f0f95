// Next.js's cache handler (next.config.ts `cacheHandler`) for this app. Data cached with
// unstable_cache (the public board: lib/offers/public-cache.ts) is kept in this process's memory,
// and every read asks PostgreSQL whether a tag the entry carries changed since its data was read:
// one indexed query, so any number of app instances on one database stay exact, and a change is
// visible on every instance at its next request. Triggers write the events
// (migration 20261130090000_public_board_cache explains the snapshot rule); the cached function
// records the snapshot right before it reads (lib/offers/public-cache.ts), so the snapshot always
// belongs to the data it is stored with.
// Everything else Next.js caches (prerendered pages, images) stays with its own file-system cache.
//
// Plain JavaScript: Next.js loads this file itself, outside the bundle. The process has already
// validated DATABASE_URL (lib/env.ts, scripts/serve.ts); without it (`next build`) nothing is cached.
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import pg from "pg";

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;

/** Entries older than this are read again even without a change (bounds any surprise). */
export const MAX_ENTRY_AGE_MS = 60 * 60 * 1000;
/** Memory for entries per process; the least recently used go first. */
const MAX_BYTES = 64 * 2 ** 20;

/**
 * The state lives on globalThis: Next.js makes a new handler per request, and may load this
 * module more than once (one per server bundle).
 */
const state = (globalThis.__wohnraumPublicCache ??= {
  /** @type {Map<string, { value: object, tags: string[], snapshot: string, readAt: string, storedAt: number, bytes: number }>} */
  entries: new Map(),
  bytes: 0,
  /** @type {pg.Pool | null | undefined} */
  pool: undefined,
  stats: { hits: 0, misses: 0, invalidated: 0, errors: 0 },
});

/** What an entry costs beyond its body: the Map slot, the objects, snapshot and tags (an estimate). */
const ENTRY_OVERHEAD_BYTES = 512;

function pool() {
  if (state.pool === undefined) {
    const connectionString = process.env.DATABASE_URL;
    // A database that does not answer makes a check fail fast (a miss), not a request hang.
    state.pool = connectionString
      ? new pg.Pool({
          connectionString,
          max: 4,
          application_name: "wohnraum cache",
          connectionTimeoutMillis: 2000,
          statement_timeout: 2000,
        })
      : null;
    // An idle connection the server ends must not end the process; the next query opens another.
    state.pool?.on("error", (error) => console.warn("public cache: idle database connection lost", error.message));
  }
  return state.pool;
}

// Changed since the entry's snapshot: an event whose transaction the snapshot did not see (only
// those at or above its xmin can be unseen), or a due event (an expiry) that came due since. A
// database whose transaction counter is behind the snapshot's (restored into a new cluster) has
// seen no history the snapshot knows: everything counts as changed.
const CHANGED_SQL = `SELECT pg_snapshot_xmax(pg_current_snapshot()) < pg_snapshot_xmax($2::pg_snapshot)
  OR EXISTS (
    SELECT 1 FROM cache_tag_event
     WHERE tag = ANY($1::text[])
       AND xid >= pg_snapshot_xmin($2::pg_snapshot)::text::bigint
       AND NOT pg_visible_in_snapshot(xid::text::xid8, $2::pg_snapshot)
  ) OR EXISTS (
    SELECT 1 FROM cache_tag_event
     WHERE tag = ANY($1::text[]) AND due_at > $3::timestamp AND due_at <= (clock_timestamp() AT TIME ZONE 'UTC')
  ) AS changed`;

const FETCH = "FETCH";

/**
 * The snapshot and time the cached function recorded before it read its data
 * (lib/offers/public-cache.ts): the value is `{ snapshot, readAt, value }` as JSON.
 */
function readSnapshot(body) {
  try {
    const stored = JSON.parse(body);
    return typeof stored?.snapshot === "string" && typeof stored?.readAt === "string"
      ? { snapshot: stored.snapshot, readAt: stored.readAt }
      : null;
  } catch {
    return null;
  }
}

export default class WohnraumCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    if (ctx?.kind !== FETCH) return super.get(key, ctx);
    const database = pool();
    if (!database) return null;
    const entry = state.entries.get(key);
    if (!entry) {
      state.stats.misses++;
      return null;
    }
    if (Date.now() - entry.storedAt >= MAX_ENTRY_AGE_MS) {
      forget(key, entry);
      state.stats.misses++;
      return null;
    }
    try {
      const tags = [...new Set([...entry.tags, ...(ctx.tags ?? [])])];
      const { rows } = await database.query(CHANGED_SQL, [tags, entry.snapshot, entry.readAt]);
      if (rows[0].changed) {
        forget(key, entry);
        state.stats.invalidated++;
        return null;
      }
      state.stats.hits++;
      // Most recently used last (Map keeps insertion order), unless another request replaced or
      // dropped the entry meanwhile.
      if (state.entries.get(key) === entry) {
        state.entries.delete(key);
        state.entries.set(key, entry);
      }
      return { lastModified: entry.storedAt, value: entry.value };
    } catch (error) {
      // Unchecked is unusable: a miss. Without the database the data cannot be read either; the
      // request fails there, clearly.
      state.stats.errors++;
      console.warn("public cache: could not check an entry", error.message);
      return null;
    }
  }

  async set(key, data, ctx) {
    if (data?.kind !== FETCH) return super.set(key, data, ctx);
    if (!pool()) return;
    const body = data.data?.body ?? "";
    // Without the snapshot its data was read after, an entry could not be checked: not kept.
    const read = readSnapshot(body);
    if (!read) return;
    const tags = ctx?.tags ?? data.tags ?? [];
    const bytes = Buffer.byteLength(body) + key.length + ENTRY_OVERHEAD_BYTES + tags.join("").length;
    forget(key, state.entries.get(key));
    state.entries.set(key, { value: data, tags, ...read, storedAt: Date.now(), bytes });
    state.bytes += bytes;
    for (const [oldest, entry] of state.entries) {
      if (state.bytes <= MAX_BYTES) break;
      forget(oldest, entry);
    }
  }

  /** Next.js's revalidateTag(): recorded for every instance, like the triggers' events. */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    // Path tags (revalidatePath) name pages, which this handler does not keep.
    const list = (typeof tags === "string" ? [tags] : tags).filter((tag) => !tag.startsWith("_N_T_"));
    const database = pool();
    if (!database || list.length === 0) return;
    try {
      await database.query(
        `INSERT INTO cache_tag_event (tag, xid) SELECT tag, pg_current_xact_id()::text::bigint FROM unnest($1::text[]) AS tag`,
        [list],
      );
    } catch (error) {
      // The change that asked for this has happened; its own triggers recorded it for the data here.
      console.warn("public cache: could not record a revalidation", error.message);
    }
  }
}

/** Drops the entry, if it is still the one stored under the key. */
function forget(key, entry) {
  if (!entry || state.entries.get(key) !== entry) return;
  state.entries.delete(key);
  state.bytes -= entry.bytes;
}

/** Counters for /api/metrics (lib/metrics). */
export function publicCacheStats() {
  return { ...state.stats, entries: state.entries.size, bytes: state.bytes };
}
