import type { VectorProblem } from './types.js';

/**
 * P1: the n-dimensional Rosenbrock function
 * f(θ) = Σ_{i=0}^{n−2} [100 (θ[i+1] − θ[i]²)² + (1 − θ[i])²], at θ0[i] = 0.5 + 0.3 sin(i + 1).
 * f and grad accept any array-like θ; grad returns a Float64Array.
 */
export function rosenbrock(n: number): VectorProblem<Float64Array> {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`rosenbrock: n must be an integer ≥ 2, got ${n}`);
  const theta0 = new Float64Array(n);
  for (let i = 0; i < n; i++) theta0[i] = 0.5 + 0.3 * Math.sin(i + 1);
  return { name: `P1-rosenbrock-n${n}`, n, theta0, f: rosenbrockF, grad: rosenbrockGrad };
}

/** Rosenbrock value at θ (any length ≥ 2). */
export function rosenbrockF(theta: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < theta.length - 1; i++) {
    const a = theta[i + 1] - theta[i] * theta[i];
    const b = 1 - theta[i];
    sum += 100 * a * a + b * b;
  }
  return sum;
}

/** Analytic Rosenbrock gradient at θ, as a new Float64Array. */
export function rosenbrockGrad(theta: ArrayLike<number>): Float64Array {
  const g = new Float64Array(theta.length);
  for (let i = 0; i < theta.length - 1; i++) {
    const a = theta[i + 1] - theta[i] * theta[i];
    g[i] += -400 * theta[i] * a - 2 * (1 - theta[i]);
    g[i + 1] += 200 * a;
  }
  return g;
}
