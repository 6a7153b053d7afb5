/**
 * A small layer whose θ mixes three tensor types — { W: ml-matrix Matrix, b: ndarray,
 * c: math.js DenseMatrix } — shared by the synchronous adapter tests and the async checks' tests:
 * loss = Σᵢ tanh((W x + b)ᵢ)² + Σ c², x fixed. `grad(true)` scales ∂/∂W[1][2] by 1.5.
 */
import { type MathJsInstance, all, create } from 'mathjs';
import { Matrix } from 'ml-matrix';
import ndarray from 'ndarray';
import { expect } from 'vitest';

export const math = create(all) as MathJsInstance;

const x = [0.5, -1.2, 0.8];

/** θ, fresh on every call. */
export const theta = () => ({
  W: new Matrix([
    [0.1, -0.3, 0.2],
    [0.4, 0.05, -0.2],
  ]),
  b: ndarray(new Float64Array([0.1, -0.1]), [2]),
  c: math.matrix([0.3, -0.7]),
});
export type Theta = ReturnType<typeof theta>;

const pre = (p: Theta) => [0, 1].map((i) => x.reduce((s, xj, j) => s + p.W.get(i, j) * xj, p.b.get(i)));

/** The loss; it asserts that f receives θ's leaves in their own types. */
export const loss = (p: Theta) => {
  expect(p.W).toBeInstanceOf(Matrix);
  expect(math.isDenseMatrix(p.c)).toBe(true);
  return pre(p).reduce((s, z) => s + Math.tanh(z) ** 2, 0) + (p.c.toArray() as number[]).reduce((s, v) => s + v * v, 0);
};

/** The exact gradient, in θ's types; with `bug`, ∂/∂W[1][2] is 1.5 × too large. */
export const grad = (bug: boolean) => (p: Theta) => {
  const dz = pre(p).map((z) => 2 * Math.tanh(z) * (1 - Math.tanh(z) ** 2));
  const W = new Matrix(2, 3);
  for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) W.set(i, j, dz[i] * x[j]);
  if (bug) W.set(1, 2, W.get(1, 2) * 1.5);
  return { W, b: ndarray(Float64Array.from(dz), [2]), c: (p.c.toArray() as number[]).map((v) => 2 * v) };
};
