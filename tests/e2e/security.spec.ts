import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signInAs, submitSignIn, withDatabase } from "./helpers";

// Regression tests for the penetration test's findings, through the running app.

// Failed attempts from loopback must not throttle the sign-ins of later test files.
test.afterEach(() => withDatabase((client) => client.query("DELETE FROM rate_limit_hit")));

const reportCount = () =>
  withDatabase(async (client) => (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM capacity_report")).rows[0]!.n);

const appHost = () => new URL(test.info().project.use.baseURL!).host;

test.describe("open redirect after sign-in", () => {
  const bypasses = [
    "/.//evil.example/phish",
    "/..//evil.example",
    "/%2e%2e//evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
  ];

  test("a signed-in visit never redirects to another host", async ({ page }) => {
    await signInAs(page, ACCOUNTS.press);
    for (const target of bypasses) {
      const response = await page.request.get(`/anmelden?weiter=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(response.status(), target).toBe(307);
      const location = response.headers()["location"]!;
      expect(location.startsWith("//"), `${target} → ${location}`).toBe(false);
      expect(new URL(location, `http://${appHost()}`).host, target).toBe(appHost());
    }
  });

  test("a fresh sign-in through the form stays on this site", async ({ page }) => {
    await page.goto(`/anmelden?weiter=${encodeURIComponent("/.//evil.example/phish")}`);
    await submitSignIn(page, ACCOUNTS.press);
    await expect(page).toHaveURL(/\/uebersicht/);
    expect(new URL(page.url()).host).toBe(appHost());
  });
});

test.describe("sessions end on the server", () => {
  const sessionCookie = async (page: Page) =>
    (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"))!;

  async function withCopiedCookie(page: Page, cookie: Awaited<ReturnType<typeof sessionCookie>>) {
    const thief = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
    await thief.addCookies([cookie]);
    return thief;
  }

  test("a copied session cookie is dead after sign-out, and cannot be renewed", async ({ page }) => {
    await signInAs(page, ACCOUNTS.press);
    const copied = await sessionCookie(page);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page).toHaveURL(/\/anmelden/);

    const thief = await withCopiedCookie(page, copied);
    const stolen = await thief.newPage();
    await stolen.goto("/uebersicht");
    await expect(stolen).toHaveURL(/\/anmelden/);
    const renewal = await thief.request.get("/api/auth/session");
    expect(await renewal.json()).toBeNull();
    await thief.close();
    const signOuts = await withDatabase(
      async (client) =>
        (
          await client.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.sign-out' AND actor_id = (SELECT id FROM app_user WHERE email = $1)",
            [ACCOUNTS.press],
          )
        ).rows[0]!.n,
    );
    expect(signOuts).toBeGreaterThan(0);
  });

  test("Auth.js's own sign-out endpoint ends the session too", async ({ page }) => {
    await signInAs(page, ACCOUNTS.press);
    const copied = await sessionCookie(page);
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const origin = test.info().project.use.baseURL!;
    await page.request.post("/api/auth/signout", { form: { csrfToken }, headers: { origin }, maxRedirects: 0 });
    const thief = await withCopiedCookie(page, copied);
    expect(await (await thief.request.get("/api/auth/session")).json()).toBeNull();
    await thief.close();
  });

  test("a session ends at its absolute lifetime, however often it was renewed", async ({ page }) => {
    await signInAs(page, ACCOUNTS.press);
    expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ user: {} });
    await withDatabase((client) =>
      client.query(
        `UPDATE user_session SET expires_at = now() - interval '1 second'
          WHERE user_id = (SELECT id FROM app_user WHERE email = $1) AND revoked_at IS NULL`,
        [ACCOUNTS.press],
      ),
    );
    await page.goto("/uebersicht");
    await expect(page).toHaveURL(/\/anmelden/);
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  });
});

test.describe("the JSON route's request guard", () => {
  const url = "/api/kommunen/kommune-a/meldungen";
  const body = { reportingDate: "2026-01-05", quotaOutstanding: 1, situation: "SUFFICIENT" };

  async function clerk(page: Page): Promise<APIRequestContext> {
    await signInAs(page, ACCOUNTS.clerkA);
    return page.request;
  }

  test("refuses text/plain (a cross-site 'simple' request) with 415 and a foreign Origin with 403; nothing is stored", async ({ page }) => {
    const request = await clerk(page);
    const before = await reportCount();
    const plain = await request.post(url, { headers: { "content-type": "text/plain" }, data: JSON.stringify(body) });
    expect(plain.status()).toBe(415);
    const foreign = await request.post(url, { headers: { origin: "https://evil.example" }, data: body });
    expect(foreign.status()).toBe(403);
    const otherPort = await request.post(url, { headers: { origin: "http://localhost:1" }, data: body });
    expect(otherPort.status()).toBe(403);
    const crossSite = await request.post(url, { headers: { "sec-fetch-site": "same-site" }, data: body });
    expect(crossSite.status()).toBe(403);
    expect(await reportCount()).toBe(before);
  });

  test("a page on another port of the same host cannot post a report in the victim's name", async ({ page, browser }) => {
    await signInAs(page, ACCOUNTS.clerkA);
    const before = await reportCount();
    // The attacker's page: same host, other port (same site), posting with the victim's cookies.
    const target = `${test.info().project.use.baseURL}${url}`;
    const attacker = await browser.newPage();
    await attacker.context().addCookies(await page.context().cookies());
    await attacker.route("http://localhost:1/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>x</title>" }),
    );
    await attacker.goto("http://localhost:1/angriff");
    await attacker.evaluate(
      async ([target, body]) => {
        await fetch(target, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify(body),
        }).catch(() => {});
      },
      [target, body] as const,
    );
    await attacker.close();
    expect(await reportCount()).toBe(before);
  });

  test("refuses a body over 64 KB with 413, by its length and while streaming", async ({ page }) => {
    const request = await clerk(page);
    const large = await request.post(url, { data: { ...body, comment: "x".repeat(200_000) } });
    expect(large.status()).toBe(413);
    const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    // No Content-Length: the body arrives in chunks and is cut off after 64 KB.
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 640)
          controller.enqueue(chunk); // 10 MB if it were all read
        else controller.close();
      },
    });
    const streamed = await fetch(`${test.info().project.use.baseURL}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(640);
  });

  test("JSON answers are never cached", async ({ page }) => {
    const request = await clerk(page);
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect((await request.get("/api/health")).headers()["cache-control"]).toBe("no-store");
  });
});

test.describe("input without bounds", () => {
  test("a Stand before 2000 gets a page message, a report dated 0001-01-01 a field message; never a 500", async ({ page }) => {
    await signInAs(page, ACCOUNTS.clerkA);
    const lage = await page.goto("/lage?stand=0001-01-01");
    expect(lage!.status()).toBe(200);
    await expect(page.getByText(/nicht vor dem 01\.01\.2000/)).toBeVisible();
    const before = await reportCount();
    for (const payload of [
      { reportingDate: "0001-01-01", quotaOutstanding: 1 },
      { reportingDate: "2026-01-05", quotaOutstanding: "0x10" },
      { reportingDate: "2026-01-05", quotaOutstanding: "1e3" },
      { reportingDate: "2026-01-05", comment: "a\u0000b" },
    ]) {
      const response = await page.request.post("/api/kommunen/kommune-a/meldungen", { data: payload });
      expect(response.status(), JSON.stringify(payload)).toBe(400);
    }
    expect(await reportCount()).toBe(before);
  });
});

test.describe("headers", () => {
  test("pages carry a nonce-based Content-Security-Policy, and the page works under it", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/anmelden");
    const policy = response!.headers()["content-security-policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(policy).toContain(directive);
    expect(response!.headers()["x-frame-options"]).toBe("DENY");
    await signInAs(page, ACCOUNTS.coordinator);
    await page.goto("/lage");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("sign-in under attack", () => {
  test("X-Forwarded-For from a client is ignored: the address limit holds however it changes", async ({ page }) => {
    for (let index = 0; index < 22; index++) {
      const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      await page.request.post("/api/auth/callback/credentials", {
        form: { email: `spoof-${index}@example.org`, password: "falsch", csrfToken },
        headers: { "x-forwarded-for": `198.51.100.${index}`, "x-real-ip": `198.51.100.${index}` },
        maxRedirects: 0,
      });
    }
    const rows = await withDatabase(
      async (client) =>
        (
          await client.query<{ ip_address: string; throttled: boolean }>(
            "SELECT ip_address, throttled FROM sign_in_attempt WHERE email LIKE 'spoof-%' ORDER BY created_at",
          )
        ).rows,
    );
    expect(new Set(rows.map((row) => row.ip_address))).toEqual(new Set(["127.0.0.1"]));
    expect(rows.filter((row) => !row.throttled)).toHaveLength(20);
    expect(rows.filter((row) => row.throttled)).toHaveLength(2);
  });

  test("a burst of 200 parallel sign-ins keeps the app healthy and within the limits", async ({ playwright }) => {
    const baseURL = test.info().project.use.baseURL!;
    // Plain fetch, as an attacker's script would send it (one socket per request).
    const csrf = await fetch(`${baseURL}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((entry) => entry.split(";")[0])
      .join("; ");
    const health: { status: number; ms: number }[] = [];
    let bursting = true;
    const watcher = (async () => {
      while (bursting) {
        const started = Date.now();
        const response = await fetch(`${baseURL}/api/health`);
        await response.arrayBuffer();
        health.push({ status: response.status, ms: Date.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `203.0.113.${index % 250}` },
          body: new URLSearchParams({ email: `burst-${index}@example.org`, password: "falsch", csrfToken }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    bursting = false;
    await watcher;
    const refusedAtOnce = answers.filter((status) => status === 429).length;
    console.log(`health during the burst: ${health.length} checks, slowest ${Math.max(...health.map((entry) => entry.ms))} ms`);
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((entry) => entry.status === 200)).toBe(true);
    const failures = await withDatabase(
      async (client) =>
        (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM sign_in_attempt WHERE email LIKE 'burst-%' AND NOT throttled"))
          .rows[0]!.n,
    );
    expect(failures).toBeLessThanOrEqual(20);
    // Beyond 16 sign-ins in flight the server answers at once, before any work.
    expect(refusedAtOnce).toBeGreaterThan(0);
    // The owner of an account still gets in (from here, once the address's failures are cleared).
    await withDatabase((client) => client.query("DELETE FROM rate_limit_hit"));
    const check = await playwright.request.newContext({ baseURL });
    const token = ((await (await check.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
    const ok = await check.post("/api/auth/callback/credentials", {
      form: { email: ACCOUNTS.press, password: DEMO_PASSWORD, csrfToken: token },
      maxRedirects: 0,
    });
    expect(ok.headers()["set-cookie"] ?? "").toContain("authjs.session-token");
    await check.dispose();
  });
});
