/**
 * Sparse layers with hand-written Jacobians, shared by the sparse tests, the benchmark and the
 * docs: an elementwise activation (diagonal), a 1-D moving average (banded), a block-diagonal
 * layer, and a multi-channel 2-D convolution ('valid', fixed kernel, θ = the input image).
 */

/** The entries (i, j) of an m×n pattern with `has(i, j)`, of n = cols columns, as a row-major boolean test. */
export function patternOf(cols: number, has: (i: number, j: number) => boolean): (k: number) => boolean {
  return (k) => has(Math.floor(k / cols), k % cols);
}

/** A flat m×n row-major Jacobian with the given entries (the rest 0). */
export function flatJacobian(rows: number, cols: number, entries: (set: (i: number, j: number, v: number) => void) => void) {
  const J = new Float64Array(rows * cols);
  entries((i, j, v) => {
    J[i * cols + j] += v;
  });
  return J;
}

// ── elementwise: y = sin(x) + x²/2 ────────────────────────────────────────────────────────
export const elementwise = (x: number[]) => x.map((v) => Math.sin(v) + 0.5 * v * v);
export const elementwiseJacobian = (x: number[]) =>
  flatJacobian(x.length, x.length, (set) => x.forEach((v, i) => set(i, i, Math.cos(v) + v)));
export const pointAt = (n: number) => Array.from({ length: n }, (_, i) => 0.8 * Math.sin(0.37 * i + 0.1));

// ── banded: y[i] = Σ_{|d| ≤ w} c_d · x[i + d]², zero-padded ───────────────────────────────
const bandWeight = (d: number) => 1 / (2 + d * d) + 0.1 * d;
export function banded(w: number) {
  const f = (x: number[]) =>
    x.map((_, i) => {
      let s = 0;
      for (let d = -w; d <= w; d++) if (i + d >= 0 && i + d < x.length) s += bandWeight(d) * x[i + d] ** 2;
      return s;
    });
  const jac = (x: number[]) =>
    flatJacobian(x.length, x.length, (set) => {
      for (let i = 0; i < x.length; i++)
        for (let d = -w; d <= w; d++) if (i + d >= 0 && i + d < x.length) set(i, i + d, 2 * bandWeight(d) * x[i + d]);
    });
  return { f, jac };
}

// ── block diagonal: blocks of size b, y_block = tanh(M x_block) ──────────────────────────
const blockWeight = (r: number, c: number) => 0.3 * Math.cos(r + 2 * c) + (r === c ? 1 : 0);
export function blocks(b: number) {
  const pre = (x: number[], i: number) => {
    const start = i - (i % b);
    let s = 0;
    for (let c = 0; c < b; c++) s += blockWeight(i % b, c) * x[start + c];
    return s;
  };
  const f = (x: number[]) => x.map((_, i) => Math.tanh(pre(x, i)));
  const jac = (x: number[]) =>
    flatJacobian(x.length, x.length, (set) => {
      for (let i = 0; i < x.length; i++) {
        const t = Math.tanh(pre(x, i));
        const start = i - (i % b);
        for (let c = 0; c < b; c++) set(i, start + c, (1 - t * t) * blockWeight(i % b, c));
      }
    });
  return { f, jac };
}

// ── 2-D convolution, 'valid', k×k kernel, cin → cout channels; θ = the input image ────────
export interface ConvShape {
  readonly cin: number;
  readonly cout: number;
  readonly size: number;
  readonly k: number;
}
const kernelAt = (o: number, c: number, u: number, v: number) => 0.2 * Math.sin(1 + o + 2 * c + 0.7 * u - 0.3 * v);

export function conv(shape: ConvShape) {
  const { cin, cout, size, k } = shape;
  const out = size - k + 1;
  const inIndex = (c: number, y: number, x: number) => (c * size + y) * size + x;
  const outIndex = (o: number, y: number, x: number) => (o * out + y) * out + x;
  /** Calls visit(row, column, kernel weight) for every nonzero of the Jacobian. */
  const each = (visit: (row: number, col: number, w: number) => void) => {
    for (let o = 0; o < cout; o++)
      for (let y = 0; y < out; y++)
        for (let x = 0; x < out; x++)
          for (let c = 0; c < cin; c++)
            for (let u = 0; u < k; u++)
              for (let v = 0; v < k; v++) visit(outIndex(o, y, x), inIndex(c, y + u, x + v), kernelAt(o, c, u, v));
  };
  const rows = cout * out * out;
  const cols = cin * size * size;
  // y = conv(x) + 0.1·conv(x)²: nonlinear, so the Jacobian depends on θ.
  const linear = (img: ArrayLike<number>) => {
    const y = new Float64Array(rows);
    each((r, c, w) => {
      y[r] += w * img[c];
    });
    return y;
  };
  const f = (img: number[]) => Array.from(linear(img), (v) => v + 0.1 * v * v);
  const jac = (img: number[]) => {
    const y = linear(img);
    return flatJacobian(rows, cols, (set) => each((r, c, w) => set(r, c, (1 + 0.2 * y[r]) * w)));
  };
  const at = Array.from({ length: cols }, (_, i) => 0.5 * Math.sin(0.61 * i + 0.3));
  return { f, jac, at, rows, cols, each };
}
