import type { DiffOptions } from '../numeric/differences.js';
import type { Params } from '../numeric/tree.js';
import { validateOptions } from './settings/schema.js';
import type { EntryPolicy, PicturesOption, ProgressOption, Shard } from './settings/types.js';

/** Options of `checkGradient` and `toHaveGradient`: `DiffOptions` plus the verdict's knobs. */
export interface CheckOptions<P extends Params = Params> extends DiffOptions {
  /** The point θ at which to check (required). */
  at: P;
  /**
   * Relative tolerance: an entry agrees when |a − n| ≤ atol + rtol · max(|a|, |n|) + the
   * numerical error estimate of n.
   * @defaultValue 1e-5 in float64, 1e-3 in float32
   */
  rtol?: number;
  /**
   * Absolute tolerance (see `rtol`).
   * @defaultValue 1e-10 in float64, 1e-6 in float32
   */
  atol?: number;
  /** The seed's global criterion: ‖a − n‖ / ‖a + n‖ must stay under it (the course uses 1e-9). */
  maxRelativeDifference?: number;
  /**
   * `'full'` checks every coordinate (2n calls of f); `'fast'` compares directional
   * derivatives along random directions (cost independent of n).
   * @defaultValue 'full'
   */
  mode?: 'full' | 'fast';
  /** Number of random directions in fast mode. */
  directions?: number;
  /** Check only this many randomly chosen coordinates. */
  sample?: number;
  /**
   * Seed of every random choice (directions, sampled coordinates), so a failure replays.
   * @defaultValue 0
   */
  seed?: number;
  /**
   * `'report'`: an entry at a non-differentiable point (ReLU at 0, |x|, max ties) whose analytic
   * value equals a one-sided derivative is named, not failed. `'fail'`: it fails.
   * @defaultValue 'report'
   */
  kinks?: EntryPolicy;
  /**
   * `'report'`: an entry whose finite-difference error is too large to judge it (float32 noise,
   * a kink the re-check could not settle) is listed in `report.unresolved`, not failed.
   * `'fail'`: it fails.
   * @defaultValue 'report'
   */
  unresolved?: EntryPolicy;
  /**
   * Under Vitest, when a failing matcher attaches the report's picture (`reportSvg`) to the test
   * as an annotation: `'on-failure'`, `'always'`, or `false` for never.
   * @defaultValue 'on-failure'
   */
  pictures?: PicturesOption;
  /**
   * Async checks (`checkGradientAsync`, …): how many evaluations of f may be in flight at once,
   * each on its own copy of θ. Results never depend on it.
   * @defaultValue 1
   */
  concurrency?: number;
  /**
   * `'auto'`: a live line on an interactive terminal for a check projected to last over about
   * 2 s, nothing in CI or when output is not a terminal. `false`: nothing. A function: called
   * with `{ done, total, elapsedMs, etaMs }` as the check goes.
   * @defaultValue 'auto'
   */
  progress?: ProgressOption;
  /**
   * A time budget in ms: after its first evaluations a check that projects to take clearly
   * longer stops at once and says how to make it fit (under Vitest the running test's timeout
   * is used without this option).
   */
  timeLimit?: number;
  /**
   * Check only share `index` of `count` (1 ≤ index ≤ count) of the coordinates: the shards of
   * one check are disjoint and together cover every coordinate; `mergeReports` joins them.
   */
  shard?: Shard;
}

export { DEFAULT_TOLERANCES } from './settings/resolve.js';

/**
 * Validates the options object of a gradient check (θ may be absent: property tests draw it).
 *
 * @example
 * validateCheckOptions({ rtol: 1e-6 }, 'gradientProperty'); // ok
 * @internal
 */
export function validateCheckOptions(options: Record<string, unknown>, caller: string): void {
  validateOptions(options, 'gradient', caller);
}
