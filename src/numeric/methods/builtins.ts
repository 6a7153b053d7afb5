import { type Precision, defaultStep } from '../precision.js';
import { RICHARDSON_LEVELS, RICHARDSON_RATIO } from '../richardson.js';
import { fdm } from './fdm.js';
import type { Extrapolation, FiniteDifferenceMethod } from './method.js';

/**
 * Richardson extrapolation cancels the h², h⁴ and h⁶ terms, so it can start from a larger step
 * and stay clear of round-off: 1.25e-2 in float64, 2⁻³ in float32. Four levels take the stencil
 * down to h/8, where round-off is about ε·|f|/(h/8). Measured (test/numeric/richardson.test.ts):
 * from 1e-2, P3 (the course network) kept 1.15e-10 relative error on its small entries, all
 * round-off; from 1.25e-2 it is 3.3e-11, while log x at 0.1 (whose scale is 0.1, not 1) keeps an
 * error estimate under 1e-8 (8.7e-9; from 2e-2 it grows to 1.5e-7).
 *
 * @example
 * defaultRichardsonStep('float64'); // 0.0125
 */
export function defaultRichardsonStep(precision: Precision): number {
  return precision === 'float32' ? 2 ** -3 : 1.25e-2;
}

/** The seed's formula: (f(θ + hᵢeᵢ) − f(θ − hᵢeᵢ)) / 2hᵢ, 2 calls of f per coordinate. */
export const central: FiniteDifferenceMethod = fdm([-1, 1], { name: 'central', defaultStep });

/**
 * (f(θ + hᵢeᵢ) − f(θ)) / hᵢ: one call per coordinate plus f(θ) once. Its default step follows
 * its order: where truncation (½f''h) balances round-off (2ε|f|/h), √(4ε) ≈ 3e-8 in float64,
 * so that a correct gradient passes in the first pass (n + 1 calls) — at the seed's 1e-4 the
 * truncation alone is 5e-5·|f''|, five times rtol.
 */
export const forward: FiniteDifferenceMethod = fdm([0, 1], { name: 'forward' });

/** (f(θ) − f(θ − hᵢeᵢ)) / hᵢ: one call per coordinate plus f(θ) once; its step as forward's. */
export const backward: FiniteDifferenceMethod = fdm([-1, 0], { name: 'backward' });

/**
 * A Richardson method: `base` applied at h, h/ratio, h/ratio², … (`levels` of them at most) and
 * extrapolated in Ridders' tableau, cancelling the base's error powers one by one; each
 * estimate comes with its own error estimate. The result is a method value like any other.
 *
 * @example
 * const r = extrapolated(central, { ratio: 2, levels: 4 }, 'richardson');
 * numericGradient(f, θ, { method: r }); // up to 8 calls per coordinate
 */
export function extrapolated(
  base: FiniteDifferenceMethod,
  ladder: Extrapolation,
  name = `richardson(${base.name})`,
  step: (precision: Precision) => number = defaultRichardsonStep,
): FiniteDifferenceMethod {
  return Object.freeze({ ...base, name, extrapolation: Object.freeze({ ...ladder }), defaultStep: step, toString: () => name });
}

/** Central differences at hᵢ, hᵢ/2, hᵢ/4, hᵢ/8 (8 calls per coordinate), extrapolated. */
export const richardson: FiniteDifferenceMethod = extrapolated(
  central,
  { ratio: RICHARDSON_RATIO, levels: RICHARDSON_LEVELS },
  'richardson',
);

/**
 * The method a re-check runs: the method's own stencil over a short Richardson ladder (steps
 * h, h/2, …, `levels` of them), or none for a method that already runs its own ladder (its
 * measurement is already extrapolated, with its own error estimate).
 *
 * @example
 * recheckMethod(central, 3)?.extrapolation; // { ratio: 2, levels: 3 }
 * recheckMethod(richardson, 3);             // undefined
 */
export function recheckMethod(method: FiniteDifferenceMethod, levels: number): FiniteDifferenceMethod | undefined {
  if (method.extrapolation) return undefined;
  return extrapolated(method, { ratio: RICHARDSON_RATIO, levels }, method.name);
}
