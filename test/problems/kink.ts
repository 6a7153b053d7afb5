import type { VectorProblem } from './types.js';

/** Index of θ0 that sits exactly on the ReLU kink (θ0[2] = 0). */
export const KINK_INDEX = 2;

/**
 * P5: f(θ) = Σ relu(θ[i]) + 0.5 Σ θ[i]² at θ0 = [0.3, −0.2, 0, 0.7, −1.1, 0.05].
 * The analytic gradient uses relu'(0) = 0, so at θ0[2] it is 0 while central differences give 0.5.
 */
export function kink(): VectorProblem<number[]> {
  return { name: 'P5-kink', n: 6, theta0: [0.3, -0.2, 0, 0.7, -1.1, 0.05], f: kinkF, grad: kinkGrad };
}

/** Σ relu(θ[i]) + 0.5 Σ θ[i]². */
export function kinkF(theta: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < theta.length; i++) sum += Math.max(theta[i], 0) + 0.5 * theta[i] * theta[i];
  return sum;
}

/** Analytic gradient relu'(θ) + θ with relu'(0) = 0. */
export function kinkGrad(theta: ArrayLike<number>): number[] {
  return Array.from(theta, (t) => (t > 0 ? 1 : 0) + t);
}
