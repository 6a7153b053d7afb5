/**
 * Realistic buggy gradients of the reference models (PROBLEMS.md), each the kind of mistake a
 * person makes writing backprop by hand. Shared by the diagnosis tests and examples/gallery.ts.
 */
import {
  type MlpParams,
  type NgnnParams,
  b1Index,
  flipSign,
  logregData,
  logregGrad,
  logregGradNoReg,
  MLP_DIMS,
  ngnnBlocks,
  ngnnGradNoReg,
  ngnnToFlat,
  ngnnToTree,
  ngnnTreeF,
  ngnnTreeGrad,
  ngnnTreeGradNoReg,
  scaleByTwo,
  theta2RowMajor,
  withBug,
} from '../../problems/index.js';

export { b1Index };

const map2 = (A: readonly (readonly number[])[], fn: (v: number) => number): number[][] => A.map((row) => row.map(fn));

/** P2 with the gradient of the log-likelihood (ascent direction) instead of the loss: −1 × the truth. */
export function logregGradAscent(theta: ArrayLike<number>): number[] {
  return logregGrad(theta).map((g) => -g);
}

/** P2 (B3): the regularisation term (λ/m)·θ left out of the gradient. */
export const logregGradMissingReg = logregGradNoReg;

/** P2: the regularisation term added twice (once in a helper, once again in the caller). */
export function logregGradDoubleReg(theta: ArrayLike<number>): number[] {
  const g = logregGrad(theta);
  const { lambda, m } = logregData;
  for (let k = 1; k < g.length; k++) g[k] += (lambda / m) * theta[k];
  return g;
}

/** P2 (B2): the whole gradient doubled, e.g. d(½‖r‖²) written as 2r. */
export const logregGradTwice = withBug(logregGrad, scaleByTwo);

/** P2 with the data term summed over the m = 20 examples while f takes the mean. */
export function logregGradSummed(theta: ArrayLike<number>): number[] {
  return logregGrad(theta).map((g) => g * logregData.m);
}

/** P3 (flat 38-vector) with B1: the sign of entry floor(38/3) = 12 flipped. */
export function ngnnFlatSignFlip(grad: (theta: ArrayLike<number>) => number[]): (theta: ArrayLike<number>) => number[] {
  return withBug(grad, flipSign);
}

/** P3 (flat) with B3: backprop without the regularisation term. */
export const ngnnFlatMissingReg = ngnnGradNoReg;

/** P3 (flat) with B4: Theta2's gradient unrolled row-major (`Theta2_grad'(:)`) instead of column-major. */
export const ngnnFlatRowMajor = withBug(
  (theta: ArrayLike<number>) => ngnnToFlat(ngnnTreeGrad(ngnnToTree(theta))),
  theta2RowMajor,
);

/**
 * P3 (flat): an off-by-one copy loop writes Theta2's gradient one slot late (`grad[20 + k + 1] = g2[k]`),
 * dropping its last entry; the slot at the start of the block keeps Theta1's last value.
 */
export function ngnnFlatShifted(theta: ArrayLike<number>): number[] {
  const g = ngnnToFlat(ngnnTreeGrad(ngnnToTree(theta)));
  const [start, end] = ngnnBlocks.Theta2;
  const out = g.slice();
  for (let k = start; k + 1 < end; k++) out[k + 1] = g[k];
  out[start] = 0;
  return out;
}

/** P3 (tree): Theta2's gradient returned with its sign flipped (δ3 = y − a3 and the λ term negated too). */
export function ngnnTreeNegTheta2(theta: NgnnParams): NgnnParams {
  const g = ngnnTreeGrad(theta);
  return { Theta1: g.Theta1, Theta2: map2(g.Theta2, (v) => -v) };
}

/** P3 (tree) with B3: no regularisation term in either matrix. */
export const ngnnTreeMissingReg = ngnnTreeGradNoReg;

/** P3 (tree): the hidden layer's gradient never filled in (Theta1_grad left at zeros). */
export function ngnnTreeZeroTheta1(theta: NgnnParams): NgnnParams {
  const g = ngnnTreeGrad(theta);
  return { Theta1: map2(g.Theta1, () => 0), Theta2: g.Theta2 };
}

/** P3 (tree): the whole gradient scaled by m = 5 (Δ accumulated over the examples, never divided by m, λ·θ likewise). */
export function ngnnTreeTimesM(theta: NgnnParams): NgnnParams {
  const g = ngnnTreeGrad(theta);
  return { Theta1: map2(g.Theta1, (v) => 5 * v), Theta2: map2(g.Theta2, (v) => 5 * v) };
}

/** P3 (tree): divided by m twice, once per example and once at the end: 1/5 × the truth. */
export function ngnnTreeOverM(theta: NgnnParams): NgnnParams {
  const g = ngnnTreeGrad(theta);
  return { Theta1: map2(g.Theta1, (v) => v / 5), Theta2: map2(g.Theta2, (v) => v / 5) };
}

/**
 * P3 (tree): Theta2's gradient flattened column-major (MATLAB `(:)`) and reshaped row-major
 * (JavaScript's natural fill) — the right numbers in the wrong places.
 */
export function ngnnTreeTheta2Reshaped(theta: NgnnParams): NgnnParams {
  const g = ngnnTreeGrad(theta);
  const rows = g.Theta2.length;
  const cols = g.Theta2[0].length;
  const flat: number[] = [];
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) flat.push(g.Theta2[r][c]);
  const Theta2 = Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
  return { Theta1: g.Theta1, Theta2 };
}

/**
 * P3 (tree) f with dropout left on: each call drops one hidden unit, drawn from a generator whose
 * state advances on every call (seeded, so the test is reproducible; `Math.random` behaves alike).
 */
export function ngnnTreeDropoutF(seed = 12345): (theta: NgnnParams) => number {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return (theta) => {
    const drop = 1 + Math.floor(next() * 5);
    return ngnnTreeF({ Theta1: theta.Theta1, Theta2: theta.Theta2.map((row) => row.map((v, c) => (c === drop ? 0 : v))) });
  };
}

/** P3 (tree) f that keeps a running count of its calls and adds a tiny "regulariser" of it. */
export function ngnnTreeStatefulF(): (theta: NgnnParams) => number {
  let calls = 0;
  return (theta) => ngnnTreeF(theta) + 1e-9 * ++calls;
}

/** P3 (tree) grad that takes a gradient-descent step on θ in place before returning. */
export function ngnnTreeGradInPlaceStep(theta: NgnnParams): NgnnParams {
  const g = ngnnTreeGrad(theta);
  for (let r = 0; r < g.Theta1.length; r++)
    for (let c = 0; c < g.Theta1[r].length; c++) theta.Theta1[r][c] -= 0.1 * g.Theta1[r][c];
  return g;
}

/** P2 f that clips θ in place to [−0.25, 0.25] "for stability". */
export function logregClippingF(f: (theta: number[]) => number): (theta: number[]) => number {
  return (theta) => {
    for (let k = 0; k < theta.length; k++) theta[k] = Math.max(-0.25, Math.min(0.25, theta[k]));
    return f(theta);
  };
}

/** P4 (tree, B6): b1's gradient returned as zeros. */
export function mlpTreeZeroB1(grad: (theta: MlpParams) => MlpParams): (theta: MlpParams) => MlpParams {
  return (theta) => ({ ...grad(theta), b1: new Float64Array(theta.b1.length) });
}

/** P4 (tree): dJ/dz2 left un-divided by the batch size b = 32 (a sum where f takes the mean). */
export function mlpTreeSummed(grad: (theta: MlpParams) => MlpParams): (theta: MlpParams) => MlpParams {
  const b = MLP_DIMS.small.b;
  const scale = (v: Float64Array) => v.map((x) => x * b);
  return (theta) => {
    const g = grad(theta);
    return { W1: scale(g.W1), b1: scale(g.b1), W2: scale(g.W2), b2: scale(g.b2) };
  };
}

/** A linear least-squares layer f(W) = ½ Σᵢ ‖W xᵢ − yᵢ‖² with a square 3×3 W. */
export const linearData = {
  X: [
    [0.3, -1.2, 0.5],
    [1.1, 0.4, -0.7],
    [-0.6, 0.9, 0.2],
    [0.8, 0.1, 1.3],
  ],
  Y: [
    [1, 0, -1],
    [0.5, 2, 0],
    [-1, 1, 1],
    [0, -0.5, 0.5],
  ],
  W0: [
    [0.2, -0.1, 0.4],
    [0.7, 0.3, -0.5],
    [-0.2, 0.6, 0.1],
  ],
};

/** f(W) = ½ Σᵢ ‖W xᵢ − yᵢ‖². */
export function linearF(W: number[][]): number {
  let s = 0;
  for (let i = 0; i < linearData.X.length; i++) {
    const x = linearData.X[i];
    for (let r = 0; r < 3; r++) {
      const e = W[r][0] * x[0] + W[r][1] * x[1] + W[r][2] * x[2] - linearData.Y[i][r];
      s += 0.5 * e * e;
    }
  }
  return s;
}

/** ∂f/∂W = Σᵢ (W xᵢ − yᵢ) xᵢᵀ, or with `transposed` the classic slip xᵢ (W xᵢ − yᵢ)ᵀ. */
export function linearGrad(transposed: boolean): (W: number[][]) => number[][] {
  return (W) => {
    const G = [0, 1, 2].map(() => [0, 0, 0]);
    for (let i = 0; i < linearData.X.length; i++) {
      const x = linearData.X[i];
      for (let r = 0; r < 3; r++) {
        const e = W[r][0] * x[0] + W[r][1] * x[1] + W[r][2] * x[2] - linearData.Y[i][r];
        for (let c = 0; c < 3; c++) {
          if (transposed) G[c][r] += e * x[c];
          else G[r][c] += e * x[c];
        }
      }
    }
    return G;
  };
}
