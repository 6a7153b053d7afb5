/**
 * Floating-point constants and the step and tolerance formulas derived from them. Each formula
 * is written once here and documented in the README ("Checking float32 code and choosing
 * a method").
 */

/** Unit roundoff of float64 (2⁻⁵²). */
export const FLOAT64_EPSILON = Number.EPSILON;

/** Unit roundoff of float32 (2⁻²³). */
export const FLOAT32_EPSILON = 2 ** -23;

/** Working precision of the function under test. */
export type Precision = 'float64' | 'float32';

/** The seed's ε: the classic central-difference step in float64 (Andrew Ng's course). */
export const DEFAULT_STEP_FLOAT64 = 1e-4;

/**
 * Central differences balance truncation (∝ h²) against round-off (∝ ε/h); the optimum is
 * about ∛ε times the coordinate's scale: ≈ 4.9e-3 in float32 (NUMERICS.md measures 2⁻⁶…1e-2).
 */
export const DEFAULT_STEP_FLOAT32 = Math.cbrt(FLOAT32_EPSILON);

export function epsilonOf(precision: Precision): number {
  return precision === 'float32' ? FLOAT32_EPSILON : FLOAT64_EPSILON;
}

/**
 * The step that minimises the error bound of a central difference, h²·|f'''|/6 + ε·|f|/h,
 * is h* = (3ε·|f| / |f'''|)^(1/3): ∛ε up to a factor of order 1 when f and f''' are of the same
 * size (≈ 6.1e-6 in float64, ≈ 4.9e-3 in float32). Float64's default stays at the seed's 1e-4 (its round-off is already
 * negligible there, and every course and tool expects it); float32 uses this optimum.
 *
 * @example
 * optimalCentralStep('float64'); // ≈ 6.06e-6
 */
export function optimalCentralStep(precision: Precision): number {
  return Math.cbrt(epsilonOf(precision));
}

/** The default base step for a precision. */
export function defaultStep(precision: Precision): number {
  return precision === 'float32' ? DEFAULT_STEP_FLOAT32 : DEFAULT_STEP_FLOAT64;
}

/** The step actually requested for a coordinate: hᵢ = step · max(1, |θᵢ|). */
export function scaledStep(step: number, x: number): number {
  return step * Math.max(1, Math.abs(x));
}

/**
 * Round-off in a difference quotient (f(θ+h) − f(θ−h)) / 2h: each value of f carries an error
 * of a few ε·|f| (we allow ROUNDOFF_ULPS of them), so the quotient carries about that over h.
 */
export const ROUNDOFF_ULPS = 8;

/**
 * The same allowance for float32 code. Measured on P7 (1 500 coordinates at 5 points θ, step
 * ∛ε): |n − ∇f| ≤ 1.66·ε·|f|/h, median 0.35; 4 keeps a 2.4× margin while resolving gradient
 * entries twice as small as 8 would (B1 on P7 flips an entry of 2e-4 at some θ).
 */
export const ROUNDOFF_ULPS_FLOAT32 = 4;

/** Estimated round-off error of a difference quotient with values of size `fScale` and half-width `h`. */
export function roundoffError(precision: Precision, fScale: number, h: number): number {
  const ulps = precision === 'float32' ? ROUNDOFF_ULPS_FLOAT32 : ROUNDOFF_ULPS;
  return (ulps * epsilonOf(precision) * Math.abs(fScale)) / Math.abs(h);
}

/** Rounds to the working precision (a no-op in float64). */
export function roundTo(precision: Precision, x: number): number {
  return precision === 'float32' ? Math.fround(x) : x;
}
