/** Wall-clock timing with process.hrtime.bigint(): warm-up runs, then repetitions, reported as the median. */
import v8 from "node:v8";
import vm from "node:vm";

// `npm run bench` runs plain tsx: expose gc at runtime so every timed run starts from a collected heap.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as (() => void) | undefined;

export interface Timing {
  /** Median of the measured runs, in milliseconds. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarise(samples: number[]): Timing {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** Times `fn` `reps` times after `warmup` untimed runs; garbage is collected before each run. */
export async function time(fn: () => unknown | Promise<unknown>, reps: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    collectGarbage();
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarise(samples);
}

/** Times each call separately (e.g. one edit each): returns every sample. */
export function timeEach<T>(items: readonly T[], fn: (item: T) => unknown): Timing & { samples: number[] } {
  const samples = items.map((item) => {
    const t0 = process.hrtime.bigint();
    fn(item);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  });
  return { ...summarise(samples), samples };
}

export function collectGarbage(): void {
  gc?.();
}

export const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/**
 * Times `a` and `b` alternately (a, b, a, b …) so both see the same machine load, and reports each median and the
 * median of the per-pair ratios b ÷ a: on a shared, noisy machine the ratio is steadier than a ratio of medians.
 */
export async function timePaired(
  a: () => unknown | Promise<unknown>,
  b: () => unknown | Promise<unknown>,
  reps: number,
  warmup = 1,
): Promise<{ a: Timing; b: Timing; ratio: Timing }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < reps; i++) {
    for (const [fn, out] of [
      [a, as],
      [b, bs],
    ] as const) {
      collectGarbage();
      const t0 = process.hrtime.bigint();
      await fn();
      out.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { a: summarise(as), b: summarise(bs), ratio: summarise(bs.map((x, i) => x / as[i])) };
}
