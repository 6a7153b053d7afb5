/**
 * Small layers with hand-written derivatives (the subjects of the layer tests), plus their
 * injected bugs. Matrices are number[][] (rows first); Jacobians have rows = flattened
 * outputs, columns = flattened inputs.
 */

export type Matrix = number[][];

export const zeros = (rows: number, cols: number): Matrix => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
const transpose = (a: Matrix): Matrix => a[0].map((_, j) => a.map((row) => row[j]));
const matVec = (a: Matrix, x: number[]) => a.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));

/** A deterministic matrix of smooth, varied values. */
export function fill(rows: number, cols: number, phase = 0): Matrix {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => 0.5 * Math.sin(1.3 * i + 0.7 * j + phase) + 0.1 * (i - j)),
  );
}

// ── softmax ──────────────────────────────────────────────────────────────────────────────
export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
/** J = diag(s) − s sᵀ. */
export function softmaxJacobian(z: number[]): Matrix {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
}
/** Bug: the −s sᵀ term left out. */
export function softmaxJacobianMissingTerm(z: number[]): Matrix {
  const s = softmax(z);
  return s.map((si, i) => s.map((_, j) => (i === j ? si : 0)));
}

// ── dense layer y = W x + b, θ = { x, W, b } ─────────────────────────────────────────────
export interface Dense {
  x: number[];
  W: Matrix;
  b: number[];
}
export const dense = ({ x, W, b }: Dense): number[] => matVec(W, x).map((v, i) => v + b[i]);
/** The dense layer's Jacobian over the flattened tree (x, then W row-major, then b). */
export function denseJacobian({ x, W }: Dense): Matrix {
  const m = W.length;
  const k = x.length;
  return Array.from({ length: m }, (_, i) => {
    const row = new Array<number>(k + m * k + m).fill(0);
    for (let j = 0; j < k; j++) row[j] = W[i][j];
    for (let q = 0; q < k; q++) row[k + i * k + q] = x[q];
    row[k + m * k + i] = 1;
    return row;
  });
}
/** Bug: the bias block left out of the Jacobian. */
export function denseJacobianNoBias(p: Dense): Matrix {
  const J = denseJacobian(p);
  const k = p.x.length;
  const m = p.W.length;
  return J.map((row) => row.map((v, c) => (c >= k + m * k ? 0 : v)));
}
/** VJP: x̄ = Wᵀȳ, W̄ = ȳ xᵀ, b̄ = ȳ. */
export function denseVjp({ x, W }: Dense, yBar: number[]): Dense {
  return { x: matVec(transpose(W), yBar), W: yBar.map((g) => x.map((xq) => g * xq)), b: [...yBar] };
}
/** Bug: W̄ transposed (x ȳᵀ). Only shape-compatible when W is square. */
export function denseVjpTransposedW(p: Dense, yBar: number[]): Dense {
  const good = denseVjp(p, yBar);
  return { ...good, W: transpose(good.W) };
}
/** Bug: the bias gradient missing (zeros). */
export function denseVjpNoBias(p: Dense, yBar: number[]): Dense {
  return { ...denseVjp(p, yBar), b: yBar.map(() => 0) };
}
/** Bug: x̄ with the wrong sign. */
export function denseVjpSignX(p: Dense, yBar: number[]): Dense {
  const good = denseVjp(p, yBar);
  return { ...good, x: good.x.map((v) => -v) };
}
/** JVP: ẏ = W ẋ + Ẇ x + ḃ. */
export function denseJvp({ x, W }: Dense, u: Dense): number[] {
  return matVec(W, u.x).map((v, i) => v + u.W[i].reduce((s, w, q) => s + w * x[q], 0) + u.b[i]);
}
/** Bug: the ḃ term left out. */
export function denseJvpNoBias({ x, W }: Dense, u: Dense): number[] {
  return matVec(W, u.x).map((v, i) => v + u.W[i].reduce((s, w, q) => s + w * x[q], 0));
}

// ── 2-D convolution (valid, one channel), θ = { x: image, K: kernel } → output image ────────
export interface Conv {
  x: Matrix;
  K: Matrix;
}
export function conv2d({ x, K }: Conv): Matrix {
  const rows = x.length - K.length + 1;
  const cols = x[0].length - K[0].length + 1;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      let s = 0;
      for (let u = 0; u < K.length; u++) for (let v = 0; v < K[0].length; v++) s += K[u][v] * x[r + u][c + v];
      return s;
    }),
  );
}
/** Jacobian of conv2d: rows = output pixels (row-major), columns = x entries then K entries. */
export function conv2dJacobian({ x, K }: Conv, flipKernel = false): Matrix {
  const H = x.length;
  const Wd = x[0].length;
  const kh = K.length;
  const kw = K[0].length;
  const rows = H - kh + 1;
  const cols = Wd - kw + 1;
  const J: Matrix = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const row = new Array<number>(H * Wd + kh * kw).fill(0);
      for (let u = 0; u < kh; u++) {
        for (let v = 0; v < kw; v++) {
          const k = flipKernel ? K[kh - 1 - u][kw - 1 - v] : K[u][v];
          row[(r + u) * Wd + (c + v)] += k;
          row[H * Wd + u * kw + v] = x[r + u][c + v];
        }
      }
      J.push(row);
    }
  }
  return J;
}

// ── elementwise activation ───────────────────────────────────────────────────────────────
export const tanhLayer = (z: number[]) => z.map(Math.tanh);
export const tanhJacobian = (z: number[]): Matrix => z.map((zi, i) => z.map((_, j) => (i === j ? 1 - Math.tanh(zi) ** 2 : 0)));
/** Bug: the derivative's sign flipped (tanh² − 1). */
export const tanhJacobianSign = (z: number[]): Matrix => tanhJacobian(z).map((row) => row.map((v) => -v));

// ── softmax cross-entropy: loss(z) = logsumexp(z) − z[label] ─────────────────────────────────
export function crossEntropy(label: number): (p: { z: number[] }) => number {
  return ({ z }) => {
    const m = Math.max(...z);
    return m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[label];
  };
}
/** VJP: z̄ = ȳ · (softmax(z) − onehot(label)). */
export function crossEntropyVjp(label: number): (p: { z: number[] }, yBar: number) => { z: number[] } {
  return ({ z }, yBar) => ({ z: softmax(z).map((s, i) => yBar * (s - (i === label ? 1 : 0))) });
}
/** Bug: the one-hot term left out. */
export function crossEntropyVjpNoOneHot(_label: number): (p: { z: number[] }, yBar: number) => { z: number[] } {
  return ({ z }, yBar) => ({ z: softmax(z).map((s) => yBar * s) });
}
