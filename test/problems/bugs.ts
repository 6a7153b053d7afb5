/**
 * The injected gradient bugs B1–B6 of PROBLEMS.md. Each bug maps a correct flat gradient to a
 * wrong one of the same type (a new array; the input is never mutated). B3 is not a transform
 * of the gradient but a different gradient function, provided by the problem files.
 */
import { logregGradNoReg } from './logreg.js';
import { NGNN_SHAPES, ngnnBlocks, ngnnGradNoReg, ngnnTreeGradNoReg } from './ngnn.js';
import type { MlpBlocks } from './mlp.js';
import type { FlatVector, Problem } from './types.js';

/** A bug: a pure map from a correct gradient to a wrong one of the same type. */
export type Bug = <V extends FlatVector>(grad: V) => V;

/** Index that B1 flips: floor(n / 3). */
export function b1Index(n: number): number {
  return Math.floor(n / 3);
}

/** Index that B5 nudges: floor(n / 2). */
export function b5Index(n: number): number {
  return Math.floor(n / 2);
}

/** B1: the sign of entry floor(n / 3) flipped. */
export const flipSign: Bug = (grad) => {
  const out = copy(grad);
  const k = b1Index(out.length);
  out[k] = -out[k];
  return out;
};

/** B2: the whole gradient scaled by 2. */
export const scaleByTwo: Bug = (grad) => {
  const out = copy(grad);
  for (let i = 0; i < out.length; i++) out[i] *= 2;
  return out;
};

/** B3: gradients with the regularisation term left out (P2 and P3). */
export const noRegularisation = {
  logreg: logregGradNoReg,
  ngnnFlat: ngnnGradNoReg,
  ngnnTree: ngnnTreeGradNoReg,
} as const;

/**
 * B4 (P3 only): inside the flat 38-vector, Theta2's gradient (3×6) written row-major instead
 * of column-major; Theta1's part is unchanged.
 */
export const theta2RowMajor: Bug = (grad) => {
  const [start, end] = ngnnBlocks.Theta2;
  if (grad.length !== end) throw new RangeError(`theta2RowMajor: expected P3's ${end} entries, got ${grad.length}`);
  const [rows, cols] = NGNN_SHAPES[1];
  const out = copy(grad);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[start + r * cols + c] = grad[start + c * rows + r];
  return out;
};

/** B5: entry floor(n / 2) multiplied by (1 + 1e-3). */
export const nudgeMiddle: Bug = (grad) => {
  const out = copy(grad);
  const k = b5Index(out.length);
  out[k] *= 1 + 1e-3;
  return out;
};

/** B6 (P4, P7): the b1 block of the gradient returned as zeros. */
export function zeroB1(blocks: MlpBlocks): Bug {
  return (grad) => {
    const out = copy(grad);
    out.fill(0, ...blocks.b1);
    return out;
  };
}

/** Wraps a gradient function so that its result goes through `bug`. */
export function withBug<T, V extends FlatVector>(grad: (theta: T) => V, bug: Bug): (theta: T) => V {
  return (theta) => bug(grad(theta));
}

/** A copy of a flat problem whose grad has `bug` injected (f, θ0, blocks and the rest unchanged). */
export function injectBug<Q extends Problem<FlatVector>>(problem: Q, bug: Bug): Q {
  return { ...problem, grad: withBug((theta: FlatVector) => problem.grad(theta), bug) };
}

function copy<V extends FlatVector>(v: V): V {
  return v.slice() as V;
}
