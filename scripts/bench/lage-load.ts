import { percentile } from "./stats";

/** Signs in through Auth.js's standard credentials endpoint and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/lage` }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in failed (${response.status})`);
  return session.split(";")[0]!;
}

/** Throws unless the body is what the benchmark means to time. */
export type BodyCheck = (body: string) => void;

/**
 * The body of /lage must be the evaluation itself: one link per municipality row. A lost session
 * would otherwise time the sign-in page (a redirect, which is refused here, not followed).
 */
export function evaluationRows(expected: number): BodyCheck {
  return (body) => {
    const slugs = new Set([...body.matchAll(/href="\/kommunen\/([a-z0-9-]+)"/g)].map((match) => match[1]));
    if (slugs.size !== expected) throw new Error(`expected the evaluation with ${expected} municipality rows, got ${slugs.size}`);
  };
}

async function timedGet(url: string, cookie: string, check: BodyCheck): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200)
    throw new Error(
      `${url} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`,
    );
  check(body);
  return elapsed;
}

export async function sequential(url: string, cookie: string, runs: number, check: BodyCheck) {
  for (let warm = 0; warm < 5; warm++) await timedGet(url, cookie, check);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await timedGet(url, cookie, check));
  return samples;
}

/** `connections` clients in parallel, each sending its next request when the last returned. */
export async function concurrent(
  url: string,
  cookie: string,
  connections: number,
  check: BodyCheck,
  options: { maxRequests: number; maxSeconds: number },
) {
  const deadline = performance.now() + options.maxSeconds * 1000;
  const samples: number[] = [];
  let started = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (started < options.maxRequests && performance.now() < deadline) {
        started++;
        samples.push(await timedGet(url, cookie, check));
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
  };
}
