import type { DiffOptions } from '../numeric/differences.js';
import { GradcheckError } from '../numeric/errors.js';
import type { Precision } from '../numeric/precision.js';
import type { Params } from '../numeric/tree.js';
import { requireOneOf, requirePositive, validateDiffOptions } from '../numeric/validate.js';

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
  kinks?: 'report' | 'fail';
}

/** Default tolerances by precision (see NUMERICS.md and the README's tolerance section). */
export const DEFAULT_TOLERANCES: Record<Precision, { readonly rtol: number; readonly atol: number }> = {
  float64: { rtol: 1e-5, atol: 1e-10 },
  float32: { rtol: 1e-3, atol: 1e-6 },
};

/** Every option name a check accepts, for the "unknown option" error. */
const KNOWN_OPTIONS = new Set([
  'at',
  'step',
  'method',
  'precision',
  'bounds',
  'adaptive',
  'rtol',
  'atol',
  'maxRelativeDifference',
  'mode',
  'directions',
  'sample',
  'seed',
  'kinks',
]);

/** Validates the options object of a check; throws a `GradcheckError` naming the bad option. */
export function validateCheckOptions(options: Record<string, unknown>, caller: string, extra: readonly string[] = []): void {
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key) && !extra.includes(key)) {
      throw new GradcheckError(
        `${caller}: unknown option ${JSON.stringify(key)}; known options are ${[...KNOWN_OPTIONS, ...extra].join(', ')}`,
      );
    }
  }
  validateDiffOptions(options, caller);
  for (const name of ['rtol', 'atol'] as const) {
    const v = options[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw new GradcheckError(`${caller}: options.${name} must be a finite number ≥ 0, but got ${String(v)}`);
    }
  }
  requirePositive(options.maxRelativeDifference, caller, 'options.maxRelativeDifference');
  requirePositive(options.directions, caller, 'options.directions');
  requirePositive(options.sample, caller, 'options.sample');
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) {
    throw new GradcheckError(`${caller}: options.seed must be a finite number, but got ${String(options.seed)}`);
  }
  requireOneOf(options.mode, ['full', 'fast'], caller, 'options.mode');
  requireOneOf(options.kinks, ['report', 'fail'], caller, 'options.kinks');
}
