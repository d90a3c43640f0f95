import { percentile } from "./stats";

/** Signs in through Auth.js's standard credentials endpoint and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
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

async function timedGet(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function sequential(url: string, cookie: string, runs: number) {
  for (let warm = 0; warm < 5; warm++) await timedGet(url, cookie);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await timedGet(url, cookie));
  return samples;
}

/** `connections` clients in parallel, each sending its next request when the last returned. */
export async function concurrent(url: string, cookie: string, connections: number, options: { maxRequests: number; maxSeconds: number }) {
  const deadline = performance.now() + options.maxSeconds * 1000;
  const samples: number[] = [];
  let started = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (started < options.maxRequests && performance.now() < deadline) {
        started++;
        samples.push(await timedGet(url, cookie));
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  return { requests: samples.length, seconds, perSecond: samples.length / seconds, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
