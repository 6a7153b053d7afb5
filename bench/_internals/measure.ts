/**
 * Measuring helpers shared by the benchmarks: a counting, heap-sampling wrapper for f, wall and
 * CPU time of one run, and plain-text tables.
 * @internal
 */

/** f wrapped so that every call is counted and the heap is sampled every `every` calls. */
export interface CountedF<T> {
  readonly f: (theta: T) => number;
  /** Calls since the last reset. */
  calls(): number;
  /** Largest heap seen since the last reset. */
  peak(): number;
  reset(): void;
}

/**
 * Wraps f in a call counter and heap sampler. Every run a benchmark compares goes through the
 * same wrapper, so neither pays for counting alone and both counts mean the same thing.
 *
 * @example
 * const counted = countingF(p.f);
 * bareLoop(counted.f, p.theta0);
 * console.log(counted.calls(), counted.peak());
 */
export function countingF<T>(f: (theta: T) => number, every = 64): CountedF<T> {
  let calls = 0;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  return {
    f: (theta: T) => {
      if (++calls % every === 0) sample();
      return f(theta);
    },
    calls: () => calls,
    peak: () => {
      sample();
      return peak;
    },
    reset: () => {
      calls = 0;
      peak = 0;
      sample();
    },
  };
}

/**
 * Wall time and CPU time (user + system of this process, GC threads included) of one run, in ms.
 *
 * @example
 * const { value, ms, cpu } = timed(() => checkGradient(f, grad, { at }));
 */
export function timed<T>(work: () => T): { value: T; ms: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * The median of a non-empty list (the mean of the middle two for an even length).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `1.5 MB`. @example mb(2 ** 20); // '1.0 MB' */
export const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** `1.23 s`. @example sec(1234); // '1.23 s' */
export const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/**
 * Prints a table: first column left-aligned, the others right-aligned.
 *
 * @example
 * table(['run', 'time'], [['bare', '1.00 s']]);
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], print = console.log): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  print(line(header));
  for (const r of rows) print(line(r));
}
