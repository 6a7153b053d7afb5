import { DEFAULT_STEP_FLOAT32, FLOAT32_EPSILON } from '../numeric/precision.js';
import { formatNumber } from '../numeric/errors.js';

/**
 * How many values of f must have been seen, all exactly representable in float32, before we
 * conclude that f computes in float32. A float64 computation lands on a float32 value with
 * probability about 2⁻²⁹ per value, so a handful is already overwhelming evidence.
 */
export const FLOAT32_EVIDENCE = 4;

/**
 * Whether every finite value is exactly representable in float32 (and there are enough of them).
 * @example
 * looksFloat32([0.5, Math.fround(0.1), 2, 3]); // true
 * looksFloat32([0.5, 0.1, 2, 3]);              // false: 0.1 is not a float32
 */
export function looksFloat32(values: Iterable<number>): boolean {
  let seen = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (Math.fround(v) !== v) return false;
    seen++;
  }
  return seen >= FLOAT32_EVIDENCE;
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
