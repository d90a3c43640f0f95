// Next.js's cache handler (next.config.ts `cacheHandler`) for this app. Data cached with
// unstable_cache (the public board: lib/offers/public-cache.ts) is kept in this process's memory,
// and every read asks PostgreSQL whether a tag the entry carries changed since its data was read:
// one indexed query, so any number of app instances on one database stay exact, and a change is
// visible on every instance at its next request. Triggers write the events
// (migration 20261130090000_public_board_cache explains the snapshot rule).
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
  /** Snapshot taken at a miss, for the set() that follows: @type {Map<string, { snapshot: string, readAt: string }>} */
  pending: new Map(),
  /** @type {pg.Pool | null | undefined} */
  pool: undefined,
  stats: { hits: 0, misses: 0, invalidated: 0, errors: 0 },
});

function pool() {
  if (state.pool === undefined) {
    const connectionString = process.env.DATABASE_URL;
    state.pool = connectionString ? new pg.Pool({ connectionString, max: 4, application_name: "wohnraum cache" }) : null;
    // An idle connection the server ends must not end the process; the next query opens another.
    state.pool?.on("error", (error) => console.warn("public cache: idle database connection lost", error.message));
  }
  return state.pool;
}

// The snapshot before the data is read, and the UTC time then (due events count after it).
const SNAPSHOT_SQL = `SELECT pg_current_snapshot()::text AS snapshot, (clock_timestamp() AT TIME ZONE 'UTC')::text AS read_at`;

// Changed since the entry's snapshot: an event whose transaction the snapshot did not see (only
// those at or above its xmin can be unseen), or a due event (an expiry) that came due since.
const CHANGED_SQL = `SELECT EXISTS (
    SELECT 1 FROM cache_tag_event
     WHERE tag = ANY($1::text[])
       AND xid >= pg_snapshot_xmin($2::pg_snapshot)::text::bigint
       AND NOT pg_visible_in_snapshot(xid::text::xid8, $2::pg_snapshot)
  ) OR EXISTS (
    SELECT 1 FROM cache_tag_event
     WHERE tag = ANY($1::text[]) AND due_at > $3::timestamp AND due_at <= (clock_timestamp() AT TIME ZONE 'UTC')
  ) AS changed`;

const FETCH = "FETCH";

export default class WohnraumCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    if (ctx?.kind !== FETCH) return super.get(key, ctx);
    const database = pool();
    if (!database) return null;
    try {
      const entry = state.entries.get(key);
      if (entry && Date.now() - entry.storedAt < MAX_ENTRY_AGE_MS) {
        const tags = [...new Set([...entry.tags, ...(ctx.tags ?? [])])];
        const { rows } = await database.query(CHANGED_SQL, [tags, entry.snapshot, entry.readAt]);
        if (!rows[0].changed) {
          state.stats.hits++;
          // Most recently used last: Map keeps insertion order.
          state.entries.delete(key);
          state.entries.set(key, entry);
          return { lastModified: entry.storedAt, value: entry.value };
        }
        state.stats.invalidated++;
      }
      if (entry) forget(key);
      const { rows } = await database.query(SNAPSHOT_SQL);
      // Two requests missing at once: keep the older snapshot, which errs on the side of reading again.
      if (!state.pending.has(key)) state.pending.set(key, { snapshot: rows[0].snapshot, readAt: rows[0].read_at });
      state.stats.misses++;
      return null;
    } catch (error) {
      // Without the database the data cannot be read either; the request fails there, clearly.
      state.stats.errors++;
      console.warn("public cache: could not check an entry", error.message);
      return null;
    }
  }

  async set(key, data, ctx) {
    if (data?.kind !== FETCH) return super.set(key, data, ctx);
    const read = state.pending.get(key);
    state.pending.delete(key);
    // No snapshot from before the data was read: it cannot be checked later, so it is not kept.
    if (!read) return;
    const bytes = Buffer.byteLength(data.data?.body ?? "") + key.length;
    forget(key);
    state.entries.set(key, { value: data, tags: ctx?.tags ?? data.tags ?? [], ...read, storedAt: Date.now(), bytes });
    state.bytes += bytes;
    for (const [oldest] of state.entries) {
      if (state.bytes <= MAX_BYTES) break;
      forget(oldest);
    }
  }

  /** Next.js's revalidateTag(): recorded for every instance, like the triggers' events. */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    const database = pool();
    if (!database || list.length === 0) return;
    await database.query(
      `INSERT INTO cache_tag_event (tag, xid) SELECT tag, pg_current_xact_id()::text::bigint FROM unnest($1::text[]) AS tag`,
      [list],
    );
  }
}

function forget(key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.bytes -= entry.bytes;
}

/** Counters for /api/metrics (lib/metrics). */
export function publicCacheStats() {
  return { ...state.stats, entries: state.entries.size, bytes: state.bytes };
}
