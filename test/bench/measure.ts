import { performance } from 'node:perf_hooks';

export interface Figure {
  p50: number;
  p95: number;
}

/** Runs `fn` `runs` times after `warmup` runs and returns the median and 95th percentile in ms. */
export async function measure(fn: () => unknown, runs = 30, warmup = 3): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

/** Prints a figure beside its baseline: the ratio is what to read, the machine is noisy. */
export function report(name: string, figure: Figure, baselineName: string, baseline: Figure): void {
  const ratio = figure.p50 / Math.max(baseline.p50, 1e-6);
  console.log(
    `${name.padEnd(48)} p50 ${figure.p50.toFixed(3).padStart(9)} ms  p95 ${figure.p95.toFixed(3).padStart(9)} ms  = ${ratio.toFixed(1).padStart(7)} × ${baselineName} (${baseline.p50.toFixed(3)} ms)`,
  );
}
