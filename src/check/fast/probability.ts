/**
 * How likely fast mode is to catch a single wrong entry: the figure behind the default number of
 * directions (README, "Fast mode for large models"; measured in bench/fast.ts).
 */

/** Coefficients of Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7). */
const AS_P = 0.3275911;
const AS_A = [0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429] as const;

/**
 * erf by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7): enough for a documented
 * probability, and no dependency for it.
 *
 * @example
 * erf(0.5 / Math.SQRT2); // ≈ 0.3829
 */
export function erf(x: number): number {
  const t = 1 / (1 + AS_P * Math.abs(x));
  let poly = 0;
  for (let k = AS_A.length - 1; k >= 0; k--) poly = (poly + AS_A[k]) * t;
  const y = 1 - poly * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/**
 * The probability that fast mode catches a single wrong entry whose error is ρ·‖g ⊙ s‖₂
 * (sᵢ = max(1, |θᵢ|); ‖g‖₂ for θ of order 1), with `directions` Rademacher directions at
 * relative tolerance `rtol`: each direction shifts by exactly that error and passes only when
 * rtol·|⟨g, d⟩| exceeds it, with ⟨g, d⟩ ≈ N(0, ‖g ⊙ s‖₂²); so p₁ = erf(ρ / (rtol·√2)) and the
 * answer is 1 − (1 − p₁)^directions. It neglects atol and the error estimates (tiny in float64).
 *
 * @example
 * detectionProbability(1e-5, 1e-5, 10); // ≈ 0.99999
 * detectionProbability(3e-6, 1e-5, 10); // ≈ 0.93
 */
export function detectionProbability(rho: number, rtol: number, directions: number): number {
  const p = erf(rho / (rtol * Math.SQRT2));
  return 1 - (1 - p) ** directions;
}
