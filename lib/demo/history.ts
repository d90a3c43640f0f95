import { shortfallOf } from "../capacity/evaluation";
import { FIGURE_KEYS, type Figures, type Situation } from "../capacity/figures";
import { addDays } from "../dates";

// An invented but plausible history for the demo: weekly reports over the previous weeks that
// end in the reference county's figures. Deterministic per municipality, so every demo looks alike.

function random(seedText: string) {
  let seed = [...seedText].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, 7);
  return () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoReport {
  reportingDate: string;
  figures: Figures;
  situation: Situation | null;
}

export function demoHistory(name: string, final: DemoReport, weeks: number): DemoReport[] {
  const next = random(name);
  const noise = (spread: number) => Math.round((next() * 2 - 1) * spread);
  const history: DemoReport[] = [];
  for (let week = weeks; week >= 1; week--) {
    const t = week / weeks; // 1 = longest ago
    const f = final.figures;
    const scale = (value: number | null, by: number, spread = 0) =>
      value === null ? null : Math.max(0, Math.round(value * by) + noise(spread));
    const allocations = scale(f.allocations, 1 - 0.3 * t);
    const arrivals = f.arrivals === null ? null : Math.min(allocations ?? Infinity, scale(f.arrivals, 1 - 0.32 * t)!);
    const figures: Figures = {
      ...f,
      allocations,
      arrivals,
      housedShared: scale(f.housedShared, 1 - 0.3 * t),
      housedDecentral: scale(f.housedDecentral, 1 - 0.3 * t),
      quotaOutstanding:
        f.quotaOutstanding === null ? null : f.quotaOutstanding + Math.round((Math.abs(f.quotaOutstanding) * 0.4 + 6) * t) + noise(2),
      availableShared: scale(f.availableShared, 0.55 + 0.45 * (1 - t), 2),
      availableDecentral: scale(f.availableDecentral, 0.55 + 0.45 * (1 - t), 2),
      prospectiveShared: scale(f.prospectiveShared, 0.7 + 0.3 * (1 - t), 3),
      prospectiveDecentral: scale(f.prospectiveDecentral, 0.7 + 0.3 * (1 - t), 3),
    };
    for (const key of FIGURE_KEYS) if (f[key] === null) figures[key] = null;
    const { shortfall } = shortfallOf(figures);
    history.push({
      reportingDate: addDays(final.reportingDate, -7 * week),
      figures,
      situation: final.situation === null ? null : shortfall > 0 ? "CRITICAL" : "SUFFICIENT",
    });
  }
  return [...history, final];
}
