export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summary(samples: number[]) {
  return { median: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
