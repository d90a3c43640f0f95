import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "../../playwright.config";

// Operations (issue 13): every answer carries a request id; /api/metrics speaks Prometheus to the
// holder of METRICS_TOKEN only.

test("every response carries a request id of its own", async ({ request }) => {
  const ids = new Set<string>();
  for (const path of ["/de", "/anmelden", "/api/health", "/gibt-es-nicht"]) {
    const response = await request.get(path);
    const id = response.headers()["x-request-id"];
    expect(id, path).toMatch(/^[0-9a-f]{12}$/);
    ids.add(id!);
  }
  expect(ids.size).toBe(4);
  // A client cannot choose its id (no trusted proxy in front of this server).
  const chosen = await request.get("/api/health", { headers: { "X-Request-Id": "chosen-by-client-1234" } });
  expect(chosen.headers()["x-request-id"]).not.toBe("chosen-by-client-1234");
});

test("/api/metrics answers only with the token, then with the app's figures", async ({ request }) => {
  await request.get("/de");
  await request.get("/de");
  await request.get("/anmelden");
  for (const headers of [{}, { Authorization: "Bearer falsch-falsch-falsch-falsch" }] as Record<string, string>[]) {
    const refused = await request.get("/api/metrics", { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.text()).not.toContain("wohnraum_");
  }
  const response = await request.get("/api/metrics", { headers: { Authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  const body = await response.text();
  const value = (series: string) =>
    Number(
      body
        .split("\n")
        .find((line) => line.startsWith(`${series} `))
        ?.slice(series.length + 1) ?? NaN,
    );
  expect(value('wohnraum_http_requests_total{group="board",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
  expect(value('wohnraum_http_requests_total{group="sign-in",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
  expect(value("wohnraum_database_up")).toBe(1);
  expect(value('wohnraum_job_queue_depth{queue="mail-send"}')).toBeGreaterThanOrEqual(0);
  expect(value('wohnraum_db_pool_connections{state="waiting"}')).toBe(0);
  expect(value("wohnraum_reports_saved_total")).toBeGreaterThan(0);
  expect(body).toMatch(/^wohnraum_mails_total\{outcome="sent"\} \d+$/m);
  // The board's home page read its counts through the cache: once missed, then hit.
  expect(value('wohnraum_public_cache_reads_total{result="hits"}')).toBeGreaterThanOrEqual(1);
  expect(value('wohnraum_public_cache_reads_total{result="misses"}')).toBeGreaterThanOrEqual(1);
  expect(value("wohnraum_public_cache_bytes")).toBeGreaterThan(0);
});
