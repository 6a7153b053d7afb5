import { sigmoid, type Blocks, type Problem, type VectorProblem } from './types.js';

/** P3's parameters as row-major nested matrices: Theta1 is 5×4, Theta2 is 3×6 (bias column first). */
export interface NgnnParams {
  Theta1: number[][];
  Theta2: number[][];
}

const INPUT = 3;
const HIDDEN = 5;
const LABELS = 3;
const M = 5;

/** Shapes [rows, cols] of Theta1 and Theta2, in unroll order. */
export const NGNN_SHAPES: readonly (readonly [rows: number, cols: number])[] = [
  [HIDDEN, INPUT + 1],
  [LABELS, HIDDEN + 1],
];

/** Where Theta1 and Theta2 sit in the flat 38-vector. */
export const ngnnBlocks: Blocks<'Theta1' | 'Theta2'> = { Theta1: [0, 20], Theta2: [20, 38] };

/**
 * The course's debugInitializeWeights: a fanOut × (1 + fanIn) matrix filled column-major
 * with sin(1), sin(2), … divided by 10 (MATLAB's 1-based `reshape(sin(1:numel(W)), size(W)) / 10`).
 */
export function debugInitializeWeights(fanOut: number, fanIn: number): number[][] {
  const cols = 1 + fanIn;
  return Array.from({ length: fanOut }, (_, r) => Array.from({ length: cols }, (_, c) => Math.sin(c * fanOut + r + 1) / 10));
}

/** P3's data: X (5×3), labels y ∈ {1, 2, 3} (MATLAB's 1 + mod(1:m, 3)), λ and m. */
export const ngnnData: {
  readonly X: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly lambda: number;
  readonly m: number;
} = {
  X: debugInitializeWeights(M, INPUT - 1),
  y: Array.from({ length: M }, (_, i) => 1 + ((i + 1) % LABELS)),
  lambda: 3,
  m: M,
};

/**
 * Unrolls matrices column-major and concatenates them, like MATLAB `[A(:); B(:)]`.
 */
export function unrollColumnMajor(matrices: readonly (readonly (readonly number[])[])[]): number[] {
  const out: number[] = [];
  for (const A of matrices) {
    const cols = A.length > 0 ? A[0].length : 0;
    for (let c = 0; c < cols; c++) for (let r = 0; r < A.length; r++) out.push(A[r][c]);
  }
  return out;
}

/**
 * Inverse of {@link unrollColumnMajor}: cuts a flat vector into row-major nested matrices of the
 * given [rows, cols] shapes, reading each column-major like MATLAB `reshape`.
 */
export function rollColumnMajor(
  flat: ArrayLike<number>,
  shapes: readonly (readonly [rows: number, cols: number])[],
): number[][][] {
  const total = shapes.reduce((s, [r, c]) => s + r * c, 0);
  if (flat.length !== total) {
    throw new RangeError(`rollColumnMajor: flat has ${flat.length} entries, the shapes need ${total}`);
  }
  let offset = 0;
  return shapes.map(([rows, cols]) => {
    const A = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => flat[offset + c * rows + r]));
    offset += rows * cols;
    return A;
  });
}

/** Converts P3's nested view to the flat `[Theta1(:); Theta2(:)]` 38-vector. */
export function ngnnToFlat(tree: NgnnParams): number[] {
  return unrollColumnMajor([tree.Theta1, tree.Theta2]);
}

/** Converts P3's flat 38-vector to the nested view. */
export function ngnnToTree(flat: ArrayLike<number>): NgnnParams {
  const [Theta1, Theta2] = rollColumnMajor(flat, NGNN_SHAPES);
  return { Theta1, Theta2 };
}

/**
 * P3, flat view: the course's checkNNGradients network (3-5-3, m = 5, λ = 3) with θ the
 * 38-vector `[Theta1(:); Theta2(:)]` (column-major); grad (backprop) has the same layout.
 */
export function ngnnFlat(): VectorProblem<number[]> & { blocks: typeof ngnnBlocks } {
  return {
    name: 'P3-ngnn',
    n: 38,
    theta0: ngnnToFlat(ngnnTheta0()),
    blocks: ngnnBlocks,
    f: (theta) => ngnnTreeF(ngnnToTree(theta)),
    grad: (theta) => ngnnToFlat(ngnnTreeGrad(ngnnToTree(theta))),
  };
}

/** P3, nested view: θ = { Theta1 (5×4), Theta2 (3×6) } as row-major nested arrays; grad likewise. */
export function ngnnTree(): Problem<NgnnParams> {
  return { name: 'P3-ngnn', n: 38, theta0: ngnnTheta0(), f: ngnnTreeF, grad: ngnnTreeGrad };
}

/** θ0 of P3 in the nested view: debugInitializeWeights(5, 3) and (3, 5). */
export function ngnnTheta0(): NgnnParams {
  return { Theta1: debugInitializeWeights(HIDDEN, INPUT), Theta2: debugInitializeWeights(LABELS, HIDDEN) };
}

/** P3 cost (cross-entropy plus (λ/2m)·Σ non-bias weights²) in the nested view. */
export function ngnnTreeF(theta: NgnnParams): number {
  return backprop(theta, true, false).J;
}

/** P3 backprop gradient in the nested view. */
export function ngnnTreeGrad(theta: NgnnParams): NgnnParams {
  return backprop(theta, true, true).grad;
}

/** Bug B3 for P3, flat view: the backprop gradient without its regularisation term. */
export function ngnnGradNoReg(theta: ArrayLike<number>): number[] {
  return ngnnToFlat(backprop(ngnnToTree(theta), false, true).grad);
}

/** Bug B3 for P3, nested view. */
export function ngnnTreeGradNoReg(theta: NgnnParams): NgnnParams {
  return backprop(theta, false, true).grad;
}

/** Forward pass, cost and (optionally) backprop over the m examples, in MATLAB's formulas. */
function backprop(theta: NgnnParams, regularise: boolean, wantGrad: boolean): { J: number; grad: NgnnParams } {
  const { Theta1, Theta2 } = theta;
  const { X, y, lambda, m } = ngnnData;
  const G1 = zeros(HIDDEN, INPUT + 1);
  const G2 = zeros(LABELS, HIDDEN + 1);
  let J = 0;
  for (let i = 0; i < m; i++) {
    const a1 = [1, ...X[i]];
    const a2 = [1, ...Theta1.map((row) => sigmoid(dot(row, a1)))];
    const a3 = Theta2.map((row) => sigmoid(dot(row, a2)));
    const Y = a3.map((_, k) => (k === y[i] - 1 ? 1 : 0));
    for (let k = 0; k < LABELS; k++) J += -Y[k] * Math.log(a3[k]) - (1 - Y[k]) * Math.log(1 - a3[k]);
    if (!wantGrad) continue;
    // δ3 = a3 − Y; δ2 = (Theta2ᵀ δ3) without the bias row, times sigmoid'(z2) = a2 (1 − a2).
    const d3 = a3.map((a, k) => a - Y[k]);
    const d2 = Array.from({ length: HIDDEN }, (_, j) => {
      let s = 0;
      for (let k = 0; k < LABELS; k++) s += Theta2[k][j + 1] * d3[k];
      return s * a2[j + 1] * (1 - a2[j + 1]);
    });
    addOuter(G1, d2, a1);
    addOuter(G2, d3, a2);
  }
  J /= m;
  scale(G1, 1 / m);
  scale(G2, 1 / m);
  if (regularise) {
    J += (lambda / (2 * m)) * (sumSqNoBias(Theta1) + sumSqNoBias(Theta2));
    addRegNoBias(G1, Theta1, lambda / m);
    addRegNoBias(G2, Theta2, lambda / m);
  }
  return { J, grad: { Theta1: G1, Theta2: G2 } };
}

function zeros(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

function addOuter(G: number[][], u: readonly number[], v: readonly number[]): void {
  for (let r = 0; r < u.length; r++) for (let c = 0; c < v.length; c++) G[r][c] += u[r] * v[c];
}

function scale(G: number[][], s: number): void {
  for (const row of G) for (let c = 0; c < row.length; c++) row[c] *= s;
}

function sumSqNoBias(W: readonly (readonly number[])[]): number {
  let s = 0;
  for (const row of W) for (let c = 1; c < row.length; c++) s += row[c] * row[c];
  return s;
}

function addRegNoBias(G: number[][], W: readonly (readonly number[])[], s: number): void {
  for (let r = 0; r < G.length; r++) for (let c = 1; c < G[r].length; c++) G[r][c] += s * W[r][c];
}
