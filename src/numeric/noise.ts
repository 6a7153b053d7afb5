/**
 * f's noise, measured instead of assumed (after Moré and Wild's ECnoise, 2011): f at equally
 * spaced points along a line, its k-th differences, and σₖ = √(γₖ·mean((Δᵏf)²)) with
 * γₖ = (k!)²/(2k)!. Where the smooth part has died out the σₖ agree and the differences change
 * sign: that is the noise level. A sum over 10⁶ terms carries far more than ε·|f| of round-off,
 * and a step chosen for ε·|f| false-alarms there.
 */

/** Differences up to this order are looked at. */
const MAX_ORDER = 6;

function factorial(k: number): number {
  let out = 1;
  for (let j = 2; j <= k; j++) out *= j;
  return out;
}

/**
 * The noise level σ of f from its values at equally spaced points (7 of them at least): the
 * first order whose σₖ, σₖ₊₁, σₖ₊₂ agree within a factor 4 and whose differences change sign,
 * else the smallest σₖ seen (a smooth f: its noise is below what the spacing resolves).
 *
 * @example
 * noiseLevel([1, 1 + 1e-9, 1 - 1e-9, 1, 1 + 2e-9, 1 - 1e-9, 1]); // ≈ 1e-9
 */
export function noiseLevel(values: readonly number[]): number {
  let diffs = [...values];
  const sigmas: number[] = [];
  const signChanges: boolean[] = [];
  for (let k = 1; k <= MAX_ORDER && diffs.length > 1; k++) {
    diffs = diffs.slice(1).map((v, i) => v - diffs[i]);
    const gamma = factorial(k) ** 2 / factorial(2 * k);
    const meanSquare = diffs.reduce((s, d) => s + d * d, 0) / diffs.length;
    sigmas.push(Math.sqrt(gamma * meanSquare));
    signChanges.push(diffs.some((d) => d > 0) && diffs.some((d) => d < 0));
  }
  for (let k = 0; k + 2 < sigmas.length; k++) {
    const window = sigmas.slice(k, k + 3);
    const lo = Math.min(...window);
    const hi = Math.max(...window);
    if (lo > 0 && hi <= 4 * lo && signChanges[k]) return sigmas[k];
  }
  return sigmas.length > 0 ? Math.min(...sigmas) : 0;
}
