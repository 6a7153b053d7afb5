/**
 * A small neural network with hand-written backpropagation, in plain TypeScript: the kind of
 * code gradcheck exists for. 4 inputs → 5 tanh units → 3 softmax classes, cross-entropy loss
 * averaged over m examples, plus an L2 penalty (λ / 2m) Σ W² on the weights (not the biases).
 */

export interface Net {
  W1: number[][]; // 5×4
  b1: number[]; // 5
  W2: number[][]; // 3×5
  b2: number[]; // 3
}

/** A bug to plant in backprop, to see what gradcheck says about it. */
export type Bug = 'none' | 'sign-flip-in-output-layer' | 'forgot-regularisation' | 'transposed-W1-gradient';

/** Deterministic toy data: m examples of 4 features and labels 0..2. */
export function makeData(m = 8): { X: number[][]; y: number[] } {
  const X = Array.from({ length: m }, (_, i) => Array.from({ length: 4 }, (_, j) => Math.sin(0.7 * i + 1.3 * j + 0.1)));
  const y = Array.from({ length: m }, (_, i) => i % 3);
  return { X, y };
}

/** Small deterministic weights, like the course's debugInitializeWeights. */
export function initialNet(): Net {
  const w = (rows: number, cols: number, seed: number) =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => 0.3 * Math.sin(seed + i * cols + j)));
  return { W1: w(5, 4, 1), b1: w(1, 5, 2)[0], W2: w(3, 5, 3), b2: w(1, 3, 4)[0] };
}

const matVec = (W: number[][], x: number[], b: number[]) => W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));

function forward(net: Net, x: number[]) {
  const a1 = matVec(net.W1, x, net.b1).map(Math.tanh);
  const z2 = matVec(net.W2, a1, net.b2);
  const max = Math.max(...z2);
  const e = z2.map((z) => Math.exp(z - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return { a1, p: e.map((v) => v / sum), logSumExp: max + Math.log(sum), z2 };
}

const sumSquares = (W: number[][]) => W.reduce((s, row) => s + row.reduce((t, w) => t + w * w, 0), 0);

/** The loss J(net): mean cross-entropy plus (λ / 2m) (‖W1‖² + ‖W2‖²). */
export function loss(net: Net, X: number[][], y: number[], lambda: number): number {
  const m = X.length;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const { logSumExp, z2 } = forward(net, X[i]);
    total += logSumExp - z2[y[i]];
  }
  return total / m + (lambda / (2 * m)) * (sumSquares(net.W1) + sumSquares(net.W2));
}

/** Backpropagation for `loss`, with an optional planted bug. */
export function lossGradient(net: Net, X: number[][], y: number[], lambda: number, bug: Bug = 'none'): Net {
  const m = X.length;
  const g: Net = {
    W1: net.W1.map((r) => r.map(() => 0)),
    b1: net.b1.map(() => 0),
    W2: net.W2.map((r) => r.map(() => 0)),
    b2: net.b2.map(() => 0),
  };
  for (let i = 0; i < m; i++) {
    const x = X[i];
    const { a1, p } = forward(net, x);
    // δ2 = p − onehot(y); the classic sign slip writes onehot(y) − p.
    const d2 = p.map((pk, k) => (pk - (k === y[i] ? 1 : 0)) * (bug === 'sign-flip-in-output-layer' ? -1 : 1));
    const d1 = a1.map((a, j) => (1 - a * a) * d2.reduce((s, d, k) => s + d * net.W2[k][j], 0));
    d2.forEach((d, k) => {
      g.b2[k] += d / m;
      a1.forEach((a, j) => {
        g.W2[k][j] += (d * a) / m;
      });
    });
    d1.forEach((d, j) => {
      g.b1[j] += d / m;
      x.forEach((xv, c) => {
        g.W1[j][c] += (d * xv) / m;
      });
    });
  }
  if (bug !== 'forgot-regularisation') {
    g.W1 = g.W1.map((r, j) => r.map((v, c) => v + (lambda / m) * net.W1[j][c]));
    g.W2 = g.W2.map((r, k) => r.map((v, j) => v + (lambda / m) * net.W2[k][j]));
  }
  if (bug === 'transposed-W1-gradient') {
    // The gradient of W1 (5×4) written back in the wrong order: row by row into a column-major buffer.
    const flat = g.W1.flat();
    g.W1 = net.W1.map((r, j) => r.map((_, c) => flat[c * 5 + j] ?? 0));
  }
  return g;
}
