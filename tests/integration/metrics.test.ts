import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { createBoss, MAIL_RETRY, QUEUES, type PgBoss } from "../../lib/jobs/boss";
import { countMails } from "../../lib/metrics/hooks";
import { createAppMetrics, type AppMetrics } from "../../lib/metrics/registry";
import { seedDemoCounty } from "../support/fixtures";

// /api/metrics (issue 13): off without METRICS_TOKEN, 401 without the right bearer token, and
// with it the request, pool, queue, mail and report figures, read from the real database.

const TOKEN = "metrics-test-token-0123456789";
let boss: PgBoss;
let metrics: AppMetrics;
let withoutToken: AppMetrics;
const servers: http.Server[] = [];

async function serve(target: AppMetrics): Promise<string> {
  const server = http.createServer((request, response) => void target.serve(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/metrics`;
}

beforeAll(async () => {
  await seedDemoCounty();
  boss = await createBoss(process.env.DATABASE_URL!);
  metrics = createAppMetrics({ token: TOKEN, databaseUrl: process.env.DATABASE_URL, queues: Object.values(QUEUES) });
  withoutToken = createAppMetrics({ databaseUrl: process.env.DATABASE_URL, queues: Object.values(QUEUES) });
});

afterAll(async () => {
  for (const server of servers) server.close();
  await metrics.close();
  await withoutToken.close();
  await boss.stop({ graceful: false, wait: true });
});

describe("/api/metrics", () => {
  it("is off without METRICS_TOKEN", async () => {
    const response = await fetch(await serve(withoutToken), { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/wohnraum_/);
  });

  it("refuses a missing or wrong token", async () => {
    const url = await serve(metrics);
    for (const headers of [{}, { Authorization: "Bearer wrong-token-0123456789" }, { Authorization: TOKEN }] as Record<string, string>[]) {
      const response = await fetch(url, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toMatch(/wohnraum_/);
    }
    expect((await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it("reports requests, the pool, the queues, mails and reports with the token", async () => {
    const url = await serve(metrics);
    metrics.observeRequest("intranet", "GET", 200, 0.12);
    metrics.observeRequest("intranet", "GET", 200, 0.3);
    metrics.observeRequest("board", "BREW", 503, 0.01);
    countMails("sent", 3);
    countMails("failed", 1);
    await boss.send(QUEUES.sendMail, { to: "x@example.org", subject: "s", text: "t" }, MAIL_RETRY);
    await boss.send(QUEUES.sendMail, { to: "y@example.org", subject: "s", text: "t" }, MAIL_RETRY);
    const reports = await db().capacityReport.count();
    const today = await db().capacityReport.count({ where: { createdAt: { gte: new Date(Date.now() - 60_000) } } });

    const response = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    const value = (series: string) => {
      const line = body.split("\n").find((candidate) => candidate.startsWith(`${series} `));
      if (!line) throw new Error(`no ${series} in:\n${body}`);
      return Number(line.slice(series.length + 1));
    };
    expect(value('wohnraum_http_requests_total{group="intranet",method="GET",status="200"}')).toBe(2);
    expect(value('wohnraum_http_requests_total{group="board",method="other",status="503"}')).toBe(1);
    expect(value('wohnraum_http_request_duration_seconds_count{group="intranet"}')).toBe(2);
    expect(value('wohnraum_http_request_duration_seconds_bucket{le="0.25",group="intranet"}')).toBe(1);
    expect(value(`wohnraum_job_queue_depth{queue="${QUEUES.sendMail}"}`)).toBe(2);
    expect(value(`wohnraum_job_queue_depth{queue="${QUEUES.stalenessReminders}"}`)).toBe(0);
    expect(value(`wohnraum_job_queue_oldest_age_seconds{queue="${QUEUES.sendMail}"}`)).toBeGreaterThanOrEqual(0);
    expect(value('wohnraum_mails_total{outcome="sent"}')).toBe(3);
    expect(value('wohnraum_mails_total{outcome="failed"}')).toBe(1);
    expect(reports).toBeGreaterThan(0);
    expect(value("wohnraum_reports_saved_total")).toBe(reports);
    expect(value("wohnraum_reports_saved_today")).toBe(today);
    expect(value("wohnraum_database_up")).toBe(1);
    // The app's pool (lib/db/client.ts) publishes its figures once it is in use.
    expect(value('wohnraum_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
    expect(value('wohnraum_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(value('wohnraum_db_pool_connections{state="waiting"}')).toBe(0);
  });
});
