import type { Blocks, Problem } from './types.js';

/** The two P4 sizes. */
export type MlpSize = 'small' | 'large';

/** Input width d, hidden width h, classes c, batch size b. */
export interface MlpDims {
  readonly d: number;
  readonly h: number;
  readonly c: number;
  readonly b: number;
}

/** P4's (d, h, c, b): small has 9 610 parameters, large 102 538. */
export const MLP_DIMS: Readonly<Record<MlpSize, MlpDims>> = {
  small: { d: 64, h: 128, c: 10, b: 32 },
  large: { d: 256, h: 384, c: 10, b: 32 },
};

/** Names of the four parameter blocks, in flat-vector order. */
export type MlpBlockName = 'W1' | 'b1' | 'W2' | 'b2';

/** Offsets of W1 (h×d, row-major), b1 (h), W2 (c×h, row-major), b2 (c) in the flat θ. */
export type MlpBlocks = Blocks<MlpBlockName>;

/** P4 (and P7) on a flat θ, with its block offsets and sizes. */
export interface MlpProblem<V extends Float64Array | Float32Array> extends Problem<V> {
  readonly blocks: MlpBlocks;
  readonly dims: MlpDims;
}

/** P4's θ as a tree of flat typed-array leaves (insertion order = flat order). */
export interface MlpParams {
  W1: Float64Array;
  b1: Float64Array;
  W2: Float64Array;
  b2: Float64Array;
}

/** Block offsets for a P4 size (matches the JSON's `blocks`). */
export function mlpBlocks(size: MlpSize): MlpBlocks {
  const { d, h, c } = MLP_DIMS[size];
  const w1 = h * d;
  const w2 = w1 + h + c * h;
  return { W1: [0, w1], b1: [w1, w1 + h], W2: [w1 + h, w2], b2: [w2, w2 + c] };
}

/** P4's inputs X[i][j] = sin(0.1 (i·d + j + 1)) (row-major, b×d) and labels i mod c. */
export function mlpData(size: MlpSize): { X: Float64Array; labels: Int32Array } {
  const { d, c, b } = MLP_DIMS[size];
  const X = new Float64Array(b * d);
  for (let k = 0; k < b * d; k++) X[k] = Math.sin(0.1 * (k + 1));
  const labels = Int32Array.from({ length: b }, (_, i) => i % c);
  return { X, labels };
}

/** P4's θ0[k] = 0.1 sin(0.37 (k + 1)) over the whole flat vector. */
export function mlpTheta0(size: MlpSize): Float64Array {
  const n = mlpBlocks(size).b2[1];
  const theta = new Float64Array(n);
  for (let k = 0; k < n; k++) theta[k] = 0.1 * Math.sin(0.37 * (k + 1));
  return theta;
}

/**
 * P4: a tanh MLP with softmax cross-entropy, mean over the batch, on a flat Float64Array θ
 * laid out W1, b1, W2, b2 (row-major). grad is exact backprop. Each instance owns its scratch
 * buffers; an evaluation allocates nothing larger than the gradient it returns.
 */
export function mlp(size: MlpSize): MlpProblem<Float64Array> {
  const dims = MLP_DIMS[size];
  const blocks = mlpBlocks(size);
  const n = blocks.b2[1];
  const kernel = mlpKernel(size);
  const split = (v: Float64Array): MlpParams => ({
    W1: v.subarray(...blocks.W1),
    b1: v.subarray(...blocks.b1),
    W2: v.subarray(...blocks.W2),
    b2: v.subarray(...blocks.b2),
  });
  const check = (theta: Float64Array): void => {
    if (theta.length !== n) throw new RangeError(`mlp(${size}): θ has ${theta.length} entries, expected ${n}`);
  };
  return {
    name: `P4-${size}`,
    n,
    theta0: mlpTheta0(size),
    blocks,
    dims,
    f(theta) {
      check(theta);
      return kernel(split(theta), null);
    },
    grad(theta) {
      check(theta);
      const g = new Float64Array(n);
      kernel(split(theta), split(g));
      return g;
    },
  };
}

/** P4 with θ as { W1, b1, W2, b2 } Float64Array leaves; grad returns new leaves. */
export function mlpTree(size: MlpSize): Problem<MlpParams> {
  const blocks = mlpBlocks(size);
  const kernel = mlpKernel(size);
  const zeros = (): MlpParams => ({
    W1: new Float64Array(blocks.W1[1] - blocks.W1[0]),
    b1: new Float64Array(blocks.b1[1] - blocks.b1[0]),
    W2: new Float64Array(blocks.W2[1] - blocks.W2[0]),
    b2: new Float64Array(blocks.b2[1] - blocks.b2[0]),
  });
  const flat0 = mlpTheta0(size);
  const theta0 = zeros();
  for (const key of ['W1', 'b1', 'W2', 'b2'] as const) theta0[key].set(flat0.subarray(...blocks[key]));
  return {
    name: `P4-${size}`,
    n: flat0.length,
    theta0,
    f: (theta) => kernel(theta, null),
    grad(theta) {
      const g = zeros();
      kernel(theta, g);
      return g;
    },
  };
}

/**
 * Builds the forward/backward pass for one size: returns the mean loss and, when `g` is given,
 * accumulates the gradient into g's (zeroed) leaves. Processes one example at a time, except
 * dW1 = dZ1ᵀ X, which is formed after the batch from transposed copies (contiguous dot products
 * instead of b passes of read-modify-write over dW1: about 2× faster).
 */
function mlpKernel(size: MlpSize): (p: MlpParams, g: MlpParams | null) => number {
  const { d, h, c, b } = MLP_DIMS[size];
  const { X, labels } = mlpData(size);
  const XT = new Float64Array(d * b); // Xᵀ, d×b
  for (let i = 0; i < b; i++) for (let l = 0; l < d; l++) XT[l * b + i] = X[i * d + l];
  const a1 = new Float64Array(h);
  const z2 = new Float64Array(c);
  const dz2 = new Float64Array(c);
  const dZ1T = new Float64Array(h * b); // dJ/dz1 for the batch, transposed: h×b
  return (p, g) => {
    const { W1, b1, W2, b2 } = p;
    if (W1.length !== h * d || b1.length !== h || W2.length !== c * h || b2.length !== c) {
      throw new RangeError('mlp: θ blocks have the wrong sizes');
    }
    let total = 0;
    for (let i = 0; i < b; i++) {
      const xo = i * d;
      // a1 = tanh(W1 x + b1); four accumulators break the add-latency chain (≈2× faster)
      for (let j = 0; j < h; j++) {
        const wo = j * d;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let l = 0;
        for (; l + 3 < d; l += 4) {
          s0 += W1[wo + l] * X[xo + l];
          s1 += W1[wo + l + 1] * X[xo + l + 1];
          s2 += W1[wo + l + 2] * X[xo + l + 2];
          s3 += W1[wo + l + 3] * X[xo + l + 3];
        }
        for (; l < d; l++) s0 += W1[wo + l] * X[xo + l];
        a1[j] = Math.tanh(s0 + s1 + (s2 + s3) + b1[j]);
      }
      // z2 = W2 a1 + b2; loss = logsumexp(z2) − z2[label], with the max shifted out
      let mx = -Infinity;
      for (let k = 0; k < c; k++) {
        const wo = k * h;
        let s = 0;
        for (let j = 0; j < h; j++) s += W2[wo + j] * a1[j];
        const z = s + b2[k];
        z2[k] = z;
        if (z > mx) mx = z;
      }
      let se = 0;
      for (let k = 0; k < c; k++) se += Math.exp(z2[k] - mx);
      const label = labels[i];
      total += mx + Math.log(se) - z2[label];
      if (g === null) continue;

      // dJ/dz2 = (softmax − onehot) / b
      for (let k = 0; k < c; k++) dz2[k] = (Math.exp(z2[k] - mx) / se - (k === label ? 1 : 0)) / b;
      const { b1: gb1, W2: gW2, b2: gb2 } = g;
      for (let k = 0; k < c; k++) {
        const dk = dz2[k];
        const wo = k * h;
        gb2[k] += dk;
        for (let j = 0; j < h; j++) gW2[wo + j] += dk * a1[j];
      }
      // dJ/dz1 = (W2ᵀ dz2) ⊙ (1 − a1²)
      for (let j = 0; j < h; j++) {
        let s = 0;
        for (let k = 0; k < c; k++) s += W2[k * h + j] * dz2[k];
        const dz1 = s * (1 - a1[j] * a1[j]);
        gb1[j] += dz1;
        dZ1T[j * b + i] = dz1;
      }
    }
    if (g !== null) {
      // dW1[j][l] = Σ_i dZ1[i][j] · X[i][l]
      const gW1 = g.W1;
      for (let j = 0; j < h; j++) {
        const zo = j * b;
        for (let l = 0; l < d; l++) {
          const xo = l * b;
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          let s3 = 0;
          let i = 0;
          for (; i + 3 < b; i += 4) {
            s0 += dZ1T[zo + i] * XT[xo + i];
            s1 += dZ1T[zo + i + 1] * XT[xo + i + 1];
            s2 += dZ1T[zo + i + 2] * XT[xo + i + 2];
            s3 += dZ1T[zo + i + 3] * XT[xo + i + 3];
          }
          for (; i < b; i++) s0 += dZ1T[zo + i] * XT[xo + i];
          gW1[j * d + l] = s0 + s1 + (s2 + s3);
        }
      }
    }
    return total / b;
  };
}
