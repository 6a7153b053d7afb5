import type { VectorProblem } from './types.js';

/**
 * P6: f(θ) = Σ log θ[i], n = 8, at θ0[i] = 1e6 (1 + i/8): large θ, gradients 1/θ ≈ 1e-6.
 */
export function largescale(): VectorProblem<Float64Array> {
  const n = 8;
  const theta0 = new Float64Array(n);
  for (let i = 0; i < n; i++) theta0[i] = 1e6 * (1 + i / 8);
  return { name: 'P6-largescale', n, theta0, f: largescaleF, grad: largescaleGrad };
}

/** Σ log θ[i]. */
export function largescaleF(theta: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < theta.length; i++) sum += Math.log(theta[i]);
  return sum;
}

/** Analytic gradient 1/θ, as a new Float64Array. */
export function largescaleGrad(theta: ArrayLike<number>): Float64Array {
  return Float64Array.from(theta, (t) => 1 / t);
}
