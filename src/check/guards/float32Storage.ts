import { formatNumber } from '../../numeric/errors.js';
import { ScalarEvaluator } from '../../numeric/evaluate.js';
import { inside } from '../../numeric/domains.js';
import { AT_THETA, type Measurement, evaluate } from '../../numeric/measure/protocol.js';
import { DEFAULT_STEP_FLOAT32 } from '../../numeric/precision.js';
import { displayPath } from '../../numeric/tree.js';
import type { Diagnosis } from '../report.js';
import type { Settings } from '../settings/types.js';

/**
 * The probe's displacement in units of θᵢ's float32 spacing: well below it (float32 storage
 * rounds θᵢ + δ back to θᵢ) and far above float64's (a float64 f sees the move).
 */
export const BELOW_FLOAT32_SPACING = 1 / 8;

/** f's change from the probe must exceed its own rounding by this factor to count as seen. */
const SIGNAL_OVER_ROUNDING = 64;

/** The float32 spacing (ulp) at x. */
function float32Spacing(x: number): number {
  const a = Math.max(Math.abs(Math.fround(x)), 2 ** -126);
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/**
 * The coordinate whose tiny move f should see most clearly: the largest |gᵢ|·spacingᵢ, where a
 * float64 f changes by about gᵢ·δ when θᵢ moves by δ.
 *
 * @example
 * storageProbeCoordinate(theta, g); // 3
 */
export function storageProbeCoordinate(theta: ArrayLike<number>, g: ArrayLike<number>): number {
  let best = 0;
  let score = -1;
  for (let i = 0; i < theta.length; i++) {
    const s = Math.abs(g[i]) * float32Spacing(theta[i]);
    if (s > score) [best, score] = [i, s];
  }
  return best;
}

/**
 * The float32-storage guard: f keeps θ in float32 (weights copied into a `Float32Array`) but
 * computes in float64, so its values are not float32 and the float32 watch sees nothing, yet
 * every difference is taken between float32-rounded points: entries disagree, and look like
 * kinks or step trouble. Evidence: moving θᵢ by a fraction of its float32 spacing leaves f
 * exactly unchanged although the analytic gradient says f should move by far more than its
 * rounding. Costs two calls of f, made only when a float64 check has disagreeing entries.
 *
 * @example
 * storesFloat32(theta[i], g[i], f0, fMoved, delta); // true when f(θ + δeᵢ) === f(θ) but |gᵢ·δ| ≫ ulp(f)
 */
export function storesFloat32(thetaI: number, gI: number, f0: number, fMoved: number, delta: number): boolean {
  const expected = Math.abs(gI * delta);
  const rounding = Math.abs(f0) * Number.EPSILON;
  return Object.is(fMoved, f0) && thetaI !== thetaI + delta && expected > SIGNAL_OVER_ROUNDING * rounding;
}

/**
 * How far the storage probe moves θᵢ.
 *
 * @example
 * storageProbeDelta(1); // 2⁻²⁶ (1/8 of float32's spacing at 1)
 */
export function storageProbeDelta(thetaI: number): number {
  return BELOW_FLOAT32_SPACING * float32Spacing(thetaI);
}

/**
 * The diagnosis of an f that stores θ in float32: pass `precision: 'float32'` instead of reading
 * the kinks and step trouble its rounding fakes.
 *
 * @example
 * float32StorageDiagnosis('W[0][1]', 1e-4).kind; // 'float32-in-float64'
 */
export function float32StorageDiagnosis(path: string, step: number): Diagnosis {
  return {
    kind: 'float32-in-float64',
    paths: ['θ'],
    share: 1,
    message:
      `f keeps θ in float32: moving ${path} by an eighth of its float32 spacing leaves f exactly unchanged, although the gradient says f should move. ` +
      `The check ran in float64 (step ${formatNumber(step)}), so every difference was taken between float32-rounded points and entries that look wrong, kinked or step-sensitive may be right. ` +
      `Pass precision: 'float32' for the float32 step ∛ε ≈ ${formatNumber(DEFAULT_STEP_FLOAT32)}·max(1, |θᵢ|) and tolerances.`,
    evidence: `f(θ + δ·e) = f(θ) exactly for δ = 1/8 of the float32 spacing at ${path}`,
  };
}

/**
 * Runs the float32-storage probe for a float64 gradient check with disagreeing entries: f at θ
 * and at θ moved below float32's spacing along the coordinate f should feel most. Returns the
 * moved entry's path when f did not feel it, and the calls made.
 *
 * @example
 * yield* probeFloat32Storage(f, settings, g); // { path: 'W[0][1]', calls: 2 } for an f that copies θ into a Float32Array
 */
export function* probeFloat32Storage(
  f: (theta: unknown) => unknown,
  settings: Settings,
  g: Float64Array,
): Measurement<{ path: string | undefined; calls: number }> {
  const { layout } = settings;
  const i = storageProbeCoordinate(layout.values, g);
  const x = layout.values[i];
  // Move inward at an upper bound, so that f is never evaluated outside its domain.
  const up = storageProbeDelta(x);
  const delta = inside(settings.domain, i, x + up) ? up : -up;
  const evaluator = new ScalarEvaluator(f, settings.caller);
  try {
    const movedPoint = { indices: [i], values: [x + delta], site: { path: layout.pathAt(i), delta } };
    const [f0, moved] = yield* evaluate(evaluator, [AT_THETA, movedPoint]);
    const path = displayPath(layout.pathAt(i));
    return { path: storesFloat32(x, g[i], f0, moved, delta) ? path : undefined, calls: evaluator.count };
  } catch {
    // The probe is evidence, not a check: an f that fails there leaves the verdict to the entries.
    return { path: undefined, calls: evaluator.count };
  }
}
