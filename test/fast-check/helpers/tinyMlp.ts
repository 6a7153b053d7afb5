/**
 * A 2-layer tanh MLP small enough for property tests (3 inputs, 4 hidden units, 2 outputs,
 * squared error on two fixed examples: 26 parameters), its backprop, and the classic bug: the
 * backward pass through tanh forgets the factor (1 − h²).
 */
export interface TinyMlp {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** Layer sizes: θ({ W1: [H, D], b1: H, W2: [C, H], b2: C }). */
export const D = 3;
export const H = 4;
export const C = 2;
export const SHAPE = { W1: [H, D], b1: H, W2: [C, H], b2: C } as const;

const X = [
  [0.5, -0.3, 0.8],
  [-0.6, 0.9, 0.2],
];
const Y = [
  [1, -0.5],
  [0.3, 0.7],
];

function forward(θ: TinyMlp, x: number[]) {
  const h = θ.W1.map((row, j) => Math.tanh(row.reduce((s, w, i) => s + w * x[i], θ.b1[j])));
  const out = θ.W2.map((row, k) => row.reduce((s, w, j) => s + w * h[j], θ.b2[k]));
  return { h, out };
}

/** Loss: ½ Σ over examples and outputs of (out − y)². */
export function tinyLoss(θ: TinyMlp): number {
  let loss = 0;
  X.forEach((x, n) => {
    const { out } = forward(θ, x);
    out.forEach((o, k) => {
      loss += 0.5 * (o - Y[n][k]) ** 2;
    });
  });
  return loss;
}

/** Backprop; with `forgetTanhDerivative` the hidden delta misses (1 − h²). */
export function tinyGrad(θ: TinyMlp, forgetTanhDerivative = false): TinyMlp {
  const g: TinyMlp = {
    W1: θ.W1.map((r) => r.map(() => 0)),
    b1: θ.b1.map(() => 0),
    W2: θ.W2.map((r) => r.map(() => 0)),
    b2: θ.b2.map(() => 0),
  };
  X.forEach((x, n) => {
    const { h, out } = forward(θ, x);
    const dOut = out.map((o, k) => o - Y[n][k]);
    dOut.forEach((d, k) => {
      g.b2[k] += d;
      h.forEach((hj, j) => {
        g.W2[k][j] += d * hj;
      });
    });
    h.forEach((hj, j) => {
      const back = dOut.reduce((s, d, k) => s + d * θ.W2[k][j], 0);
      const dz = forgetTanhDerivative ? back : back * (1 - hj * hj);
      g.b1[j] += dz;
      x.forEach((xi, i) => {
        g.W1[j][i] += dz * xi;
      });
    });
  });
  return g;
}
