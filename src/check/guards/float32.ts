import { formatNumber } from '../../numeric/errors.js';
import { DEFAULT_STEP_FLOAT32, FLOAT32_EPSILON } from '../../numeric/precision.js';
import type { Diagnosis } from '../report.js';

/**
 * How many values of f must have been seen, all exactly representable in float32, before we
 * conclude that f computes in float32. A float64 computation lands on a float32 value with
 * probability about 2⁻²⁹ per value, so a handful is already overwhelming evidence.
 */
export const FLOAT32_EVIDENCE = 4;

/** Watches the values a function returns: are they all exactly float32? */
export interface Float32Watch {
  /** Records every finite value of one call (a number or a flat vector). */
  see(value: number | ArrayLike<number>): void;
  /** Every value seen so far is float32-exact, and enough were seen. */
  suspected(): boolean;
}

/**
 * A watch of f's values for the float32-in-float64 guard.
 *
 * @example
 * const watch = float32Watch();
 * [1, 2, 3, 4].forEach((x) => watch.see(Math.fround(x / 3)));
 * watch.suspected(); // true
 */
export function float32Watch(): Float32Watch {
  let all = true;
  let seen = 0;
  const one = (v: number) => {
    if (!Number.isFinite(v)) return;
    seen++;
    if (Math.fround(v) !== v) all = false;
  };
  return {
    see: (value) => {
      if (typeof value === 'number') one(value);
      else for (let i = 0; i < value.length && all; i++) one(value[i]);
    },
    suspected: () => all && seen >= FLOAT32_EVIDENCE,
  };
}

/**
 * Wraps f to feed a watch with every value it returns.
 *
 * @example
 * const watch = float32Watch();
 * const g = watched(f, watch);
 */
export function watched<T>(f: (theta: T) => unknown, watch: Float32Watch): (theta: T) => unknown {
  return (theta) => {
    const v = f(theta);
    if (typeof v === 'number') watch.see(v);
    else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) watch.see(v as unknown as ArrayLike<number>);
    return v;
  };
}

/**
 * The diagnosis of a float32 f checked in float64 mode: its rounding (ε ≈ 1.2e-7 relative)
 * swamps differences taken at float64's step, so entries disagree or cannot be judged.
 *
 * @example
 * float32Diagnosis(1e-4).message; // "f returns float32 values … Pass precision: 'float32' …"
 */
export function float32Diagnosis(step: number): Diagnosis {
  return {
    kind: 'float32-in-float64',
    paths: ['θ'],
    share: 1,
    message:
      `f returns float32 values (every value of f seen is exactly representable in float32), but the check ran in float64: ` +
      `float32 rounding (ε = ${formatNumber(FLOAT32_EPSILON)}) swamps differences at step ${formatNumber(step)}. ` +
      `Pass precision: 'float32' (or θ as a Float32Array) for the float32 step ∛ε ≈ ${formatNumber(DEFAULT_STEP_FLOAT32)}·max(1, |θᵢ|) and tolerances.`,
  };
}
