// Figures that arise inside the Next.js bundle (mails sent by the job worker, the database pool of
// the Prisma client) but are served by our HTTP server's /api/metrics. Both run in the same
// process but load their own copies of the modules, so the figures meet on globalThis.

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

interface MetricHooks {
  mailsSent: number;
  mailsFailed: number;
  poolStats?: () => PoolStats;
}

const globalForMetrics = globalThis as unknown as { wohnraumMetricHooks?: MetricHooks };

export function metricHooks(): MetricHooks {
  globalForMetrics.wohnraumMetricHooks ??= { mailsSent: 0, mailsFailed: 0 };
  return globalForMetrics.wohnraumMetricHooks;
}

export function countMails(outcome: "sent" | "failed", count = 1): void {
  const hooks = metricHooks();
  if (outcome === "sent") hooks.mailsSent += count;
  else hooks.mailsFailed += count;
}

export function publishPoolStats(read: () => PoolStats): void {
  metricHooks().poolStats = read;
}
