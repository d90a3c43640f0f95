import { describe, expect, it } from "vitest";
import { logger, routeConsoleToLogger, sanitizeLogText, serializeError } from "../../lib/log";
import { loggablePath, routeGroup } from "../../lib/http/route-group";

function captureLog(work: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string) => lines.push(String(chunk)) > 0;
  try {
    work();
  } finally {
    process.stdout.write = original;
  }
  return lines
    .join("")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the log", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const [line] = captureLog(() => logger.info({ requestId: "abc123def456" }, "request"));
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: "abc123def456", service: "wohnraum" });
    expect(typeof line!.time).toBe("string");
  });

  it("redacts passwords, tokens, addresses and mail bodies wherever they are", () => {
    const [line] = captureLog(() =>
      logger.info(
        {
          password: "geheim-1",
          user: { email: "a@b.example", token: "t0k3n" },
          mail: { text: "Hallo", html: "<p>x</p>" },
          headers: { cookie: "s=1" },
        },
        "x",
      ),
    );
    const text = JSON.stringify(line);
    for (const secret of ["geheim-1", "a@b.example", "t0k3n", "Hallo", "<p>x</p>", "s=1"]) expect(text).not.toContain(secret);
  });

  it("logs database errors by type and code, without the server's address or the row's values", () => {
    const prismaLike = Object.assign(new Error("Can't reach database server at `db.intern:5432` as wohnraum_app"), {
      name: "PrismaClientKnownRequestError",
      code: "P1001",
    });
    expect(serializeError(prismaLike)).toEqual({ type: "PrismaClientKnownRequestError", code: "P1001" });
    const pgLike = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      name: "DatabaseError",
      code: "23505",
      detail: "Key (email)=(a@b.example) already exists.",
    });
    expect(JSON.stringify(serializeError(pgLike))).not.toMatch(/a@b\.example|duplicate/);
    const wrapped = new Error("save failed", { cause: prismaLike });
    expect(serializeError(wrapped)).toMatchObject({ type: "Error", message: "save failed", cause: { code: "P1001" } });
  });

  it("cleans connection strings, host:port and token links out of other messages", () => {
    expect(sanitizeLogText("connect postgresql://app:pw@10.0.0.5:5432/wohnraum failed")).toBe("connect [url] failed");
    expect(sanitizeLogText("Can't reach database server at `db.intern:5432`")).toBe("Can't reach database server at [server]");
    expect(sanitizeLogText("connect ECONNREFUSED 127.0.0.1:54329")).toBe("connect ECONNREFUSED [server]");
    expect(sanitizeLogText("GET /einladung/AbCdEfGhIjKlMnOpQrStUv")).toBe("GET /einladung/[token]");
    expect(sanitizeLogText("Authorization: Bearer abcdefghijklmnop")).toBe("Authorization: Bearer [token]");
  });
});

describe("console output of the server process", () => {
  it("becomes JSON log lines, cleaned like the rest", () => {
    const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error };
    let lines: Record<string, unknown>[] = [];
    try {
      lines = captureLog(() => {
        routeConsoleToLogger();
        console.log("plain %s", "text");
        console.error("\u001b[31m⨯\u001b[39m", new Error("connect postgresql://app:pw@db:5432/x failed"));
        // Thrown by a page: onRequestError logged it already; Next.js's print goes to debug.
        console.error(Object.assign(new Error("page failed"), { digest: "123" }));
      });
    } finally {
      Object.assign(console, saved);
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "info", msg: "plain text" });
    expect(lines[1]).toMatchObject({ level: "error", msg: "error", err: { type: "Error", message: "connect [url] failed" } });
  });
});

describe("route groups and loggable paths", () => {
  it.each([
    ["/api/health", "health"],
    ["/api/metrics", "metrics"],
    ["/api/auth/callback/credentials", "api-auth"],
    ["/api/export/lage.xlsx", "api-export"],
    ["/api/kommunen/kommune-a/meldungen", "api"],
    ["/_next/static/chunks/x.js", "static"],
    ["/", "board"],
    ["/uk/angebote", "board"],
    ["/anmelden", "sign-in"],
    ["/einladung/abc", "sign-in"],
    ["/lage", "intranet"],
    ["/verwaltung/benutzer", "intranet"],
    ["/wp-login.php", "other"],
  ])("%s is %s", (path, group) => {
    expect(routeGroup(path)).toBe(group);
  });

  it("drops the query and token-like segments", () => {
    expect(loggablePath("/de/angebote/verwalten/AbCdEfGhIjKlMnOpQrSt?email=a@b.example")).toBe("/de/angebote/verwalten/:id");
    expect(loggablePath("/kommunen/kommune-a")).toBe("/kommunen/kommune-a");
  });
});
