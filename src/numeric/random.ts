/**
 * A small seeded generator (mulberry32) so that every random choice of a check (directions,
 * sampled coordinates, cotangents) replays exactly from `options.seed`.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** The seed used when a check is given none: checks are deterministic by default. */
export const DEFAULT_SEED = 0;

/**
 * Creates a seeded random generator.
 * @example
 * const rng = createRandom(42);
 * rng.next(); // the same number on every run
 */
export function createRandom(seed: number = DEFAULT_SEED): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (n) => Math.floor(next() * n),
  };
}

/**
 * `k` distinct indices out of `n`, in increasing order (a partial Fisher–Yates shuffle).
 * @example
 * sampleIndices(10, 3, createRandom(1)); // e.g. Int32Array [2, 5, 9]
 */
export function sampleIndices(n: number, k: number, rng: Random): Int32Array {
  const count = Math.min(n, Math.max(0, Math.floor(k)));
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, count).sort();
}
