import { performance } from 'node:perf_hooks';

export interface Figure {
  p50: number;
  p95: number;
}

/**
 * Runs `fn` `runs` times after `warmup` runs and returns the median and 95th percentile in ms. `prepare`
 * runs before each run, untimed (e.g. to push a conversation out of the cache).
 */
export async function measure(
  fn: () => unknown,
  runs = 30,
  warmup = 3,
  prepare?: () => unknown,
): Promise<Figure> {
  for (let i = 0; i < warmup; i++) {
    await prepare?.();
    await fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return figureOf(times);
}

export function figureOf(times: readonly number[]): Figure {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3));

export const ratio = (figure: Figure, floor: Figure): Figure => ({
  p50: figure.p50 / Math.max(floor.p50, 1e-6),
  p95: figure.p95 / Math.max(floor.p95, 1e-6),
});

/** Prints a figure beside its floor, both percentiles: the ratios are what to read, the machine is noisy. */
export function report(name: string, figure: Figure, floorName?: string, floor?: Figure): void {
  const own = `p50 ${ms(figure.p50).padStart(8)} ms  p95 ${ms(figure.p95).padStart(8)} ms`;
  if (!floor || !floorName) {
    console.log(`${name.padEnd(58)} ${own}`);
    return;
  }
  const r = ratio(figure, floor);
  console.log(
    `${name.padEnd(58)} ${own}  = ${r.p50.toFixed(1).padStart(6)}× / ${r.p95.toFixed(1).padStart(6)}× ${floorName} (${ms(floor.p50)} / ${ms(floor.p95)} ms)`,
  );
}

/** Prints a plain line under the figures (bytes written, memory, counts). */
export function note(name: string, text: string): void {
  console.log(`${name.padEnd(58)} ${text}`);
}

interface Goal {
  name: string;
  met: boolean;
  detail: string;
}

const goals: Goal[] = [];

/** Records whether a goal of the issue was met in this run; printed together at the end. */
export function goal(name: string, met: boolean, detail: string): void {
  goals.push({ name, met, detail });
}

export function printGoals(): void {
  if (goals.length === 0) return;
  // Judged on the median: on a shared machine the 95th percentile is mostly the neighbours' noise.
  console.log('\nGoals (this run, this machine; times judged on p50, p95 shown):');
  for (const g of goals) console.log(`  ${g.met ? 'met    ' : 'NOT MET'}  ${g.name.padEnd(58)} ${g.detail}`);
}

export const describeFigure = (f: Figure, unit = 'ms'): string =>
  `p50 ${ms(f.p50)} / p95 ${ms(f.p95)} ${unit}`;
