import { percentile } from "./stats";

// Load for the rush benchmark: keep-alive connections, each sending its next request when its
// last one returned, over a rotation of URLs. A failed request (network error or a status other
// than 200) is counted, not thrown: "no error under load" is one of the results.

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  firstError?: string;
}

async function timed(url: string): Promise<{ ms: number; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    const ms = performance.now() - started;
    return response.status === 200 ? { ms } : { ms, error: `${url} answered ${response.status}` };
  } catch (error) {
    return { ms: performance.now() - started, error: `${url}: ${(error as Error).message}` };
  }
}

/** One request at a time over `urls` in turn, after a warm-up round; latencies in ms. */
export async function oneAtATime(urls: string[], runs: number): Promise<number[]> {
  for (const url of urls) await timed(url);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { ms, error } = await timed(urls[run % urls.length]!);
    if (error) throw new Error(error);
    samples.push(ms);
  }
  return samples;
}

/** `connections` clients in parallel for `seconds`, after a warm-up round. */
export async function underLoad(urls: string[], connections: number, seconds: number): Promise<LoadResult> {
  for (const url of urls) await timed(url);
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const begin = performance.now();
  const deadline = begin + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const result = await timed(urls[next++ % urls.length]!);
        samples.push(result.ms);
        if (result.error) {
          errors++;
          firstError ??= result.error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - begin) / 1000;
  return {
    requests: samples.length,
    errors,
    seconds: elapsed,
    perSecond: samples.length / elapsed,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    firstError,
  };
}
