import { sigmoid, type VectorProblem } from './types.js';

const M = 20;

/** P2's data: X (m×3, intercept first), labels y ∈ {0, 1}, λ and m. */
export const logregData: {
  readonly X: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly lambda: number;
  readonly m: number;
} = {
  X: Array.from({ length: M }, (_, j) => [1, Math.sin(j + 1), Math.cos(2 * (j + 1))]),
  y: Array.from({ length: M }, (_, j) => (j % 3 === 0 ? 1 : 0)),
  lambda: 1,
  m: M,
};

/**
 * P2: regularised logistic regression (the course's ex2 cost) at θ0 = [0.1, −0.2, 0.3].
 * The intercept θ[0] is not regularised.
 */
export function logreg(): VectorProblem<number[]> {
  return { name: 'P2-logreg', n: 3, theta0: [0.1, -0.2, 0.3], f: logregF, grad: logregGrad };
}

/** J(θ) = (1/m) Σ [−y log h − (1 − y) log(1 − h)] + (λ/2m) Σ_{k≥1} θ[k]². */
export function logregF(theta: ArrayLike<number>): number {
  const { X, y, lambda, m } = logregData;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const h = sigmoid(dot3(X[j], theta));
    sum += -y[j] * Math.log(h) - (1 - y[j]) * Math.log(1 - h);
  }
  let reg = 0;
  for (let k = 1; k < theta.length; k++) reg += theta[k] * theta[k];
  return sum / m + (lambda / (2 * m)) * reg;
}

/** Analytic gradient of J: (1/m) Xᵀ(h − y) + (λ/m) θ with the intercept entry unregularised. */
export function logregGrad(theta: ArrayLike<number>): number[] {
  const g = logregGradNoReg(theta);
  const { lambda, m } = logregData;
  for (let k = 1; k < g.length; k++) g[k] += (lambda / m) * theta[k];
  return g;
}

/** Bug B3 for P2: the gradient without its regularisation term, (1/m) Xᵀ(h − y). */
export function logregGradNoReg(theta: ArrayLike<number>): number[] {
  const { X, y, m } = logregData;
  const g = [0, 0, 0];
  for (let j = 0; j < m; j++) {
    const r = sigmoid(dot3(X[j], theta)) - y[j];
    for (let k = 0; k < 3; k++) g[k] += r * X[j][k];
  }
  return g.map((v) => v / m);
}

function dot3(x: readonly number[], theta: ArrayLike<number>): number {
  return x[0] * theta[0] + x[1] * theta[1] + x[2] * theta[2];
}
