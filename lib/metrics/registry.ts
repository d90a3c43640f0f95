import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { RouteGroup } from "../http/route-group";
import { metricHooks } from "./hooks";

// /api/metrics in the Prometheus text format, served by our HTTP server before Next.js: request
// counts and durations per route group, the database pool, the job queues, mails and reports.
// Off (404) without METRICS_TOKEN; with it, only for "Authorization: Bearer <METRICS_TOKEN>".

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const QUEUE_SQL = `SELECT name, count(*)::int AS depth, COALESCE(EXTRACT(EPOCH FROM now() - min(created_on)), 0)::float8 AS oldest
                     FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`;
// Reports count by the Berlin day they were saved on; the table is append-only, so the total only grows.
const REPORTS_SQL = `SELECT count(*)::int AS total,
                            count(*) FILTER (WHERE (created_at AT TIME ZONE 'Europe/Berlin')::date = (now() AT TIME ZONE 'Europe/Berlin')::date)::int AS today
                       FROM capacity_report`;

type CacheResult = "hits" | "misses" | "invalidated" | "errors";

export interface AppMetrics {
  registry: Registry;
  observeRequest(group: RouteGroup, method: string, status: number, seconds: number): void;
  /** Answers /api/metrics (404 without a token configured, 401 without the right one). */
  serve(request: IncomingMessage, response: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

export function createAppMetrics(options: { token?: string; databaseUrl?: string; queues: readonly string[] }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "wohnraum_process_" });

  const requests = new Counter({
    name: "wohnraum_http_requests_total",
    help: "HTTP requests answered, by route group, method and status",
    labelNames: ["group", "method", "status"] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "wohnraum_http_request_duration_seconds",
    help: "Time from request to the end of the response, by route group",
    labelNames: ["group"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // One connection of its own: a pool that is exhausted must still be reportable.
  const pool = options.databaseUrl
    ? new pg.Pool({
        connectionString: options.databaseUrl,
        max: 1,
        idleTimeoutMillis: 30_000,
        statement_timeout: 2_000,
        connectionTimeoutMillis: 2_000,
      })
    : undefined;
  pool?.on("error", () => {}); // an idle connection lost with the database; the next scrape reconnects

  const databaseUp = new Gauge({ name: "wohnraum_database_up", help: "1 if the last scrape reached the database", registers: [registry] });
  const poolConnections = new Gauge({
    name: "wohnraum_db_pool_connections",
    help: "Connections of the app's database pool: in use, idle, and requests waiting for one",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = metricHooks().poolStats?.();
      if (!stats) return;
      this.set({ state: "in_use" }, stats.total - stats.idle);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  void poolConnections;
  // The public board's cache (lib/cache/next-cache-handler.mjs) keeps its counts on globalThis.
  const cacheState = () =>
    (globalThis as { __wohnraumPublicCache?: { stats: Record<CacheResult, number>; entries: Map<string, unknown>; bytes: number } })
      .__wohnraumPublicCache;
  const counted: Record<CacheResult, number> = { hits: 0, misses: 0, invalidated: 0, errors: 0 };
  const cacheReads = new Counter({
    name: "wohnraum_public_cache_reads_total",
    help: "Reads of the public board's cache: hits, misses, entries dropped after a change, and checks that failed",
    labelNames: ["result"] as const,
    registers: [registry],
    collect() {
      const stats = cacheState()?.stats;
      if (!stats) return;
      for (const result of Object.keys(counted) as CacheResult[]) {
        this.inc({ result }, stats[result] - counted[result]);
        counted[result] = stats[result];
      }
    },
  });
  void cacheReads;
  const cacheEntries = new Gauge({
    name: "wohnraum_public_cache_bytes",
    help: "Memory the public board's cache holds in this process",
    registers: [registry],
    collect() {
      this.set(cacheState()?.bytes ?? 0);
    },
  });
  void cacheEntries;
  const queueDepth = new Gauge({
    name: "wohnraum_job_queue_depth",
    help: "Jobs waiting (created or to be retried), by queue",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const queueAge = new Gauge({
    name: "wohnraum_job_queue_oldest_age_seconds",
    help: "Age of the oldest waiting job, by queue (0 when none waits)",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const mails = new Counter({
    name: "wohnraum_mails_total",
    help: "Mails handed to the SMTP server (sent) or refused by it (failed) by this process",
    labelNames: ["outcome"] as const,
    registers: [registry],
    collect() {
      const { mailsSent, mailsFailed } = metricHooks();
      this.reset();
      this.inc({ outcome: "sent" }, mailsSent);
      this.inc({ outcome: "failed" }, mailsFailed);
    },
  });
  void mails;
  const reportsTotal = new Counter({
    name: "wohnraum_reports_saved_total",
    help: "Capacity reports saved, all municipalities, since the installation began",
    registers: [registry],
  });
  const reportsToday = new Gauge({
    name: "wohnraum_reports_saved_today",
    help: "Capacity reports saved today (Europe/Berlin)",
    registers: [registry],
  });

  // The database figures are read once per scrape, before the registry renders.
  async function readDatabaseFigures() {
    if (!pool) return;
    try {
      const [queues, reports] = await Promise.all([
        pool.query<{ name: string; depth: number; oldest: number }>(QUEUE_SQL),
        pool.query<{ total: number; today: number }>(REPORTS_SQL),
      ]);
      for (const queue of options.queues) {
        const row = queues.rows.find((candidate) => candidate.name === queue);
        queueDepth.set({ queue }, row?.depth ?? 0);
        queueAge.set({ queue }, row ? Math.round(row.oldest) : 0);
      }
      reportsTotal.reset();
      reportsTotal.inc(reports.rows[0]?.total ?? 0);
      reportsToday.set(reports.rows[0]?.today ?? 0);
      databaseUp.set(1);
    } catch {
      databaseUp.set(0);
    }
  }

  const expected = options.token ? createHash("sha256").update(`Bearer ${options.token}`).digest() : undefined;
  const authorized = (header: string | undefined) =>
    expected !== undefined && header !== undefined && timingSafeEqual(createHash("sha256").update(header).digest(), expected);

  return {
    registry,
    observeRequest(group, method, status, seconds) {
      const methodLabel = METHODS.has(method) ? method : "other";
      requests.inc({ group, method: methodLabel, status: String(status) });
      durations.observe({ group }, seconds);
    },
    async serve(request, response) {
      const headers = { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" };
      if (!expected) {
        response.writeHead(404, headers).end("Metriken sind abgeschaltet (METRICS_TOKEN ist nicht gesetzt).\n");
        return;
      }
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
        return;
      }
      if (!authorized(request.headers.authorization)) {
        response.writeHead(401, { ...headers, "WWW-Authenticate": 'Bearer realm="metrics"' }).end("Zugriff nur mit dem Metrik-Token.\n");
        return;
      }
      await readDatabaseFigures();
      const body = await registry.metrics();
      response.writeHead(200, { ...headers, "Content-Type": registry.contentType });
      response.end(request.method === "HEAD" ? undefined : body);
    },
    async close() {
      await pool?.end().catch(() => {});
    },
  };
}
