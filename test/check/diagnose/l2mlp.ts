/**
 * The 2-layer MLP of issue 13, in plain TypeScript: a tanh hidden layer, softmax cross-entropy
 * averaged over m examples, and an L2 term (λ/2m)(‖W1‖² + ‖W2‖²) with λ = 0.1 (biases not
 * regularised). `l2MlpGrad(bugs)` is its backprop, correct or with the realistic bugs a person
 * makes writing it by hand.
 */

export type L2MlpParams = { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] };

/** Sizes: d inputs, h hidden units, c classes, m examples. */
export interface L2MlpSizes {
  readonly d: number;
  readonly h: number;
  readonly c: number;
  readonly m: number;
}

/** The network: m = 6, and W2 square (h = c = 3) so that a transposed W2 keeps its shape. */
export const L2MLP: L2MlpSizes = { d: 4, h: 3, c: 3, m: 6 };

/** λ of the L2 term (λ/2m)‖W‖². */
export const LAMBDA = 0.1;

/** The bugs `l2MlpGrad` can inject. */
export interface L2MlpBugs {
  /** Δ summed over the examples but never divided by m (the L2 gradient (λ/m)W still right). */
  readonly forgotOneOverM?: boolean;
  /** (λ/m)W subtracted instead of added. */
  readonly l2WrongSign?: boolean;
  /** W2's data gradient computed as a1·δ2ᵀ instead of δ2·a1ᵀ, (λ/m)W2 added correctly. */
  readonly transposeW2?: boolean;
  /** δ1 = W2ᵀδ2 without ⊙ (1 − h²). */
  readonly noTanhDerivative?: boolean;
  /** The L2 gradient (λ/m)b applied to the biases too. */
  readonly l2OnBiases?: boolean;
  /** b1's gradient never filled in. */
  readonly zeroB1?: boolean;
}

/** Deterministic data: X[i][j] = sin(0.7 (i d + j + 1)), labels i mod c. */
export function l2MlpData(s: L2MlpSizes = L2MLP): { X: number[][]; y: number[] } {
  const X = Array.from({ length: s.m }, (_, i) => Array.from({ length: s.d }, (_, j) => Math.sin(0.7 * (i * s.d + j + 1))));
  return { X, y: Array.from({ length: s.m }, (_, i) => i % s.c) };
}

/** A point θ0: small, non-symmetric weights, 0.4 sin(1.3 (k + 1)) over the flat vector. */
export function l2MlpTheta(s: L2MlpSizes = L2MLP): L2MlpParams {
  let k = 0;
  const next = () => 0.4 * Math.sin(1.3 * ++k);
  const matrix = (r: number, c: number) => Array.from({ length: r }, () => Array.from({ length: c }, next));
  const W1 = matrix(s.h, s.d);
  const b1 = Array.from({ length: s.h }, next);
  const W2 = matrix(s.c, s.h);
  const b2 = Array.from({ length: s.c }, next);
  return { W1, b1, W2, b2 };
}

function forward(p: L2MlpParams, x: number[]) {
  const a1 = p.W1.map((row, j) => Math.tanh(row.reduce((s, w, k) => s + w * x[k], p.b1[j])));
  const z2 = p.W2.map((row, k) => row.reduce((s, w, j) => s + w * a1[j], p.b2[k]));
  const top = Math.max(...z2);
  const e = z2.map((z) => Math.exp(z - top));
  const sum = e.reduce((s, v) => s + v, 0);
  return { a1, z2, p: e.map((v) => v / sum), lse: top + Math.log(sum) };
}

const squares = (W: number[][]) => W.reduce((s, row) => s + row.reduce((t, w) => t + w * w, 0), 0);

/**
 * J(θ) = (1/m) Σᵢ [logsumexp(z2ᵢ) − z2ᵢ[yᵢ]] + (λ/2m)(‖W1‖² + ‖W2‖²).
 *
 * @example
 * l2MlpLoss()(l2MlpTheta()); // ≈ 1.1
 */
export function l2MlpLoss(s: L2MlpSizes = L2MLP): (p: L2MlpParams) => number {
  const { X, y } = l2MlpData(s);
  return (p) => {
    let J = 0;
    X.forEach((x, i) => {
      const f = forward(p, x);
      J += f.lse - f.z2[y[i]];
    });
    return J / s.m + (LAMBDA / (2 * s.m)) * (squares(p.W1) + squares(p.W2));
  };
}

const zeros = (r: number, c: number) => Array.from({ length: r }, () => new Array<number>(c).fill(0));

/** Σᵢ of the per-example data gradients (not yet divided by m). */
function dataGradient(p: L2MlpParams, s: L2MlpSizes, bugs: L2MlpBugs): L2MlpParams {
  const { X, y } = l2MlpData(s);
  const g: L2MlpParams = { W1: zeros(s.h, s.d), b1: new Array(s.h).fill(0), W2: zeros(s.c, s.h), b2: new Array(s.c).fill(0) };
  X.forEach((x, i) => {
    const f = forward(p, x);
    const d2 = f.p.map((v, k) => v - (k === y[i] ? 1 : 0));
    const back = f.a1.map((_, j) => p.W2.reduce((t, row, k) => t + row[j] * d2[k], 0));
    const d1 = back.map((v, j) => (bugs.noTanhDerivative ? v : v * (1 - f.a1[j] ** 2)));
    d2.forEach((d, k) => {
      g.b2[k] += d;
      // a1·δ2ᵀ instead of δ2·a1ᵀ: the transposed outer product (same shape only when h = c).
      f.a1.forEach((a, j) => (bugs.transposeW2 ? (g.W2[j][k] += d * a) : (g.W2[k][j] += d * a)));
    });
    d1.forEach((d, j) => {
      g.b1[j] += d;
      x.forEach((v, k) => (g.W1[j][k] += d * v));
    });
  });
  return g;
}

/**
 * Backprop of `l2MlpLoss`, correct without `bugs`.
 *
 * @example
 * checkGradient(l2MlpLoss(), l2MlpGrad({ l2WrongSign: true }), { at: l2MlpTheta() });
 */
export function l2MlpGrad(bugs: L2MlpBugs = {}, s: L2MlpSizes = L2MLP): (p: L2MlpParams) => L2MlpParams {
  return (p) => {
    const g = dataGradient(p, s, bugs);
    const data = bugs.forgotOneOverM ? 1 : 1 / s.m;
    const reg = (bugs.l2WrongSign ? -1 : 1) * (LAMBDA / s.m);
    const W = (G: number[][], P: number[][]) => G.map((row, r) => row.map((v, c) => v * data + reg * P[r][c]));
    const b = (G: number[], P: number[]) => G.map((v, k) => v * data + (bugs.l2OnBiases ? reg * P[k] : 0));
    const out = { W1: W(g.W1, p.W1), b1: b(g.b1, p.b1), W2: W(g.W2, p.W2), b2: b(g.b2, p.b2) };
    return bugs.zeroB1 ? { ...out, b1: out.b1.map(() => 0) } : out;
  };
}
