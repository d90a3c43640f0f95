// The rush benchmark's floor (scripts/bench-rush.ts): GET /api/v1/offers on node:http and the pg
// driver, no framework and no cache. It runs the app's own statements (the county by slug, then
// lib/offers/list-sql.ts's state and page) and builds the body with the app's own functions, so
// its answer is the app's, byte for byte (the benchmark checks that before it measures). What it
// can serve per second is what this machine can do for the query without Next.js.
// Reads DATABASE_URL, PORT, APP_URL and BOARD_COUNTY; prints "listening" when ready.
import http from "node:http";
import pg from "pg";
import { offerListStateSql, offerPageSql, publicOfferOfRow, type OfferListRow } from "../../lib/offers/list-sql";
import { entityTag, httpDate, latest } from "../../lib/offers/open-data/etag";
import { openListBody } from "../../lib/offers/open-data/representation";
import { parseListQuery } from "../../lib/offers/open-data/schemas";

// The app's columns are UTC timestamps without a zone and plain dates; read them as Prisma does.
const TIMESTAMP = 1114;
const DATE = 1082;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === DATE) return (text: string) => new Date(`${text}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format) as (text: string) => unknown;
  }) as typeof pg.types.getTypeParser,
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, types });
const base = process.env.APP_URL!.replace(/\/+$/, "");
const slug = process.env.BOARD_COUNTY!;

const server = http.createServer((request, response) => {
  void (async () => {
    const url = new URL(request.url ?? "/", "http://floor");
    if (url.pathname !== "/api/v1/offers") {
      response.writeHead(404).end();
      return;
    }
    const query = parseListQuery(url.searchParams);
    const now = new Date();
    const county = (
      await pool.query<{ id: string; name: string; slug: string; created_at: Date }>(
        "SELECT id, name, slug, created_at FROM county WHERE slug = $1",
        [slug],
      )
    ).rows[0]!;
    const state = offerListStateSql(county.id, query, now);
    const { total, last_modified } = (await pool.query<{ total: number; last_modified: Date | null }>(state.text, state.values)).rows[0]!;
    const pages = Math.max(1, Math.ceil(total / query.pageSize));
    const statement = offerPageSql(county.id, query, now, { offset: (query.seite - 1) * query.pageSize, limit: query.pageSize });
    const rows = query.seite > pages ? [] : (await pool.query<OfferListRow>(statement.text, statement.values)).rows;
    const body = JSON.stringify(openListBody(county, query, { total, page: query.seite, pages }, rows.map(publicOfferOfRow), base));
    response.writeHead(200, {
      "Content-Type": "application/json; charset=utf-8",
      ETag: entityTag(body),
      "Last-Modified": httpDate(latest([county.created_at, last_modified])),
    });
    response.end(body);
  })().catch((error: Error) => {
    response.writeHead(500).end(error.message);
  });
});

server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
