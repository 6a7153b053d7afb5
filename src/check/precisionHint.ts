import { DEFAULT_STEP_FLOAT32, FLOAT32_EPSILON } from '../numeric/precision.js';
import { formatNumber } from '../numeric/errors.js';

/**
 * How many values of f must have been seen, all exactly representable in float32, before we
 * conclude that f computes in float32. A float64 computation lands on a float32 value with
 * probability about 2⁻²⁹ per value, so a handful is already overwhelming evidence.
 */
export const FLOAT32_EVIDENCE = 4;

/**
 * Wraps f to watch whether every finite value it returns is exactly representable in float32
 * (evidence that it computes in float32 although the check runs in float64).
 *
 * @example
 * const watch = watchFloat32((x: number) => Math.fround(x * x));
 * [1, 2, 3, 4].forEach(watch.f);
 * watch.suspected(); // true
 */
export function watchFloat32<T>(f: (theta: T) => unknown): { f: (theta: T) => unknown; suspected: () => boolean } {
  let all = true;
  let seen = 0;
  return {
    f: (theta) => {
      const v = f(theta);
      if (typeof v === 'number' && Number.isFinite(v)) {
        seen++;
        if (Math.fround(v) !== v) all = false;
      }
      return v;
    },
    suspected: () => all && seen >= FLOAT32_EVIDENCE,
  };
}

/**
 * The hint for a float32 f checked in float64 mode: its rounding (ε ≈ 1.2e-7 relative) swamps
 * differences taken at float64's step, so entries disagree or cannot be judged.
 *
 * @example
 * precisionHint(1e-4); // "f returns float32 values … pass precision: 'float32' …"
 */
export function precisionHint(step: number): string {
  return (
    `f returns float32 values (every value of f seen is exactly representable in float32), but the check ran in float64: ` +
    `float32 rounding (ε = ${formatNumber(FLOAT32_EPSILON)}) swamps differences at step ${formatNumber(step)}. ` +
    `Pass precision: 'float32' (or θ as a Float32Array) for the float32 step ∛ε ≈ ${formatNumber(DEFAULT_STEP_FLOAT32)}·max(1, |θᵢ|) and tolerances.`
  );
}
