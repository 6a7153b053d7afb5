/**
 * Small hand-written layers with their backward passes, for the shape-aware diagnoses (issue
 * 20): a 2-D convolution with stride and padding, max and average pooling with switches, ReLU
 * and dropout. Each backward pass can carry the bug a person makes writing it by hand.
 */
import { checkVjp } from 'gradcheck';

export type Map3 = number[][][];
export type Kernel = number[][][][];

/** A deterministic value in [−1, 1) for position (a, b, c, d): no pattern, no ties. */
export function noise(seed: number, ...at: number[]): number {
  const x = Math.sin(at.reduce((s, v, k) => s * 7.31 + v * (k + 1.37), seed * 12.9898) * 43758.5453);
  return 2 * (x - Math.floor(x)) - 1;
}

/** A C×H×W feature map of `noise`. */
export function featureMap(C: number, H: number, W: number, seed: number): Map3 {
  return Array.from({ length: C }, (_, c) =>
    Array.from({ length: H }, (_, i) => Array.from({ length: W }, (_, j) => noise(seed, c, i, j))),
  );
}

const zeros3 = (C: number, H: number, W: number): Map3 =>
  Array.from({ length: C }, () => Array.from({ length: H }, () => new Array<number>(W).fill(0)));

/** A convolution's geometry: stride and zero padding (the same along rows and columns). */
export interface ConvGeometry {
  readonly stride: number;
  readonly pad: number;
}

/** Output size of a convolution along one axis. */
export const outSize = (n: number, k: number, g: ConvGeometry) => Math.floor((n + 2 * g.pad - k) / g.stride) + 1;

/**
 * y[o][p][q] = b[o] + Σ_c Σ_ij K[o][c][i][j] · x[c][p·s + i − pad][q·s + j − pad] (cross-correlation, as deep-learning libraries do).
 *
 * @example
 * conv2d(x, K, b, { stride: 1, pad: 1 }).length; // K.length
 */
export function conv2d(x: Map3, K: Kernel, b: number[], g: ConvGeometry): Map3 {
  const [C, H, W] = [x.length, x[0].length, x[0][0].length];
  const [kh, kw] = [K[0][0].length, K[0][0][0].length];
  const [Ho, Wo] = [outSize(H, kh, g), outSize(W, kw, g)];
  return K.map((Ko, o) =>
    Array.from({ length: Ho }, (_, p) =>
      Array.from({ length: Wo }, (_, q) => {
        let s = b[o];
        for (let c = 0; c < C; c++)
          for (let i = 0; i < kh; i++)
            for (let j = 0; j < kw; j++) {
              const [r, t] = [p * g.stride + i - g.pad, q * g.stride + j - g.pad];
              if (r >= 0 && r < H && t >= 0 && t < W) s += Ko[c][i][j] * x[c][r][t];
            }
        return s;
      }),
    ),
  );
}

/** Bugs of `conv2dVjp`. */
export interface ConvBugs {
  /** K̄ computed against the kernel rotated 180° (a convolution where f correlates). */
  readonly rotateKernel?: boolean;
  /** K̄[o][c][i][j] written to [j][i]. */
  readonly transposeTaps?: boolean;
  /** x̄ skips the output positions whose window overlaps the padding. */
  readonly dropPaddedWindows?: boolean;
  /** x̄ written with = instead of +=: overlapping windows (kernel > stride) overwrite each other. */
  readonly overwrite?: boolean;
  /** x̄[c][r][t] stored one column to the right. */
  readonly shiftInput?: boolean;
  /** Channel 1 of x̄ never filled in. */
  readonly skipChannel?: boolean;
}

/**
 * The VJP of `conv2d` at (x, K, b) for the cotangent ȳ: { x: x̄, K: K̄, b: b̄ }, correct without bugs.
 *
 * @example
 * conv2dVjp(x, K, b, yBar, { stride: 1, pad: 1 }).K.length; // K.length
 */
export function conv2dVjp(
  x: Map3,
  K: Kernel,
  ȳ: Map3,
  g: ConvGeometry,
  bugs: ConvBugs = {},
): { x: Map3; K: Kernel; b: number[] } {
  const [C, H, W] = [x.length, x[0].length, x[0][0].length];
  const [kh, kw] = [K[0][0].length, K[0][0][0].length];
  const xBar = zeros3(C, H, W);
  const KBar: Kernel = K.map((Ko) => Ko.map((Kc) => Kc.map((row) => row.map(() => 0))));
  const bBar = ȳ.map((map) => map.flat().reduce((s, v) => s + v, 0));
  ȳ.forEach((map, o) =>
    map.forEach((row, p) =>
      row.forEach((d, q) => {
        const padded =
          p * g.stride - g.pad < 0 || q * g.stride - g.pad < 0 || p * g.stride + kh - g.pad > H || q * g.stride + kw - g.pad > W;
        for (let c = 0; c < C; c++)
          for (let i = 0; i < kh; i++)
            for (let j = 0; j < kw; j++) {
              const [r, t] = [p * g.stride + i - g.pad, q * g.stride + j - g.pad];
              if (r < 0 || r >= H || t < 0 || t >= W) continue;
              const [ki, kj] = bugs.rotateKernel ? [kh - 1 - i, kw - 1 - j] : bugs.transposeTaps ? [j, i] : [i, j];
              KBar[o][c][ki][kj] += d * x[c][r][t];
              if (bugs.dropPaddedWindows && padded) continue;
              const tt = bugs.shiftInput ? t + 1 : t;
              if (tt >= W || (bugs.skipChannel && c === 1)) continue;
              if (bugs.overwrite) xBar[c][r][tt] = d * K[o][c][i][j];
              else xBar[c][r][tt] += d * K[o][c][i][j];
            }
      }),
    ),
  );
  return { x: xBar, K: KBar, b: bBar };
}

/** A convolution layer's θ: its input, kernel and bias. */
export type Conv = { x: Map3; K: Kernel; b: number[] };

/** checkVjp of the convolution at `at`, its backward pass carrying `bugs` (with `seed`, the probes' seed). */
export function convVjpCheck(bugs: ConvBugs, at: Conv, g: ConvGeometry, seed?: number) {
  return checkVjp(
    (t: Conv) => conv2d(t.x, t.K, t.b, g),
    (t: Conv, yBar: Map3) => conv2dVjp(t.x, t.K, yBar, g, bugs),
    seed === undefined ? { at } : { at, seed },
  );
}

/** Pooling over p×p windows with stride p. */
export type PoolKind = 'max' | 'average';

/**
 * Max or average pooling of a C×H×W map over p×p windows, stride p.
 *
 * @example
 * pool(x, 2, 'max')[0].length; // H / 2
 */
export function pool(x: Map3, p: number, kind: PoolKind): Map3 {
  return x.map((map) =>
    Array.from({ length: map.length / p }, (_, P) =>
      Array.from({ length: map[0].length / p }, (_, Q) => {
        const window = Array.from({ length: p * p }, (_, k) => map[P * p + Math.floor(k / p)][Q * p + (k % p)]);
        return kind === 'max' ? Math.max(...window) : window.reduce((s, v) => s + v, 0) / (p * p);
      }),
    ),
  );
}

/** Bugs of `poolVjp`: the switch (max) or the share (average) sent to the window's first position. */
export interface PoolBugs {
  readonly firstPosition?: boolean;
}

/**
 * The VJP of `pool`: ȳ routed to each window's max (its switch) or spread as 1/p².
 *
 * @example
 * poolVjp(x, yBar, 2, 'max')[0][0].length; // W
 */
export function poolVjp(x: Map3, ȳ: Map3, p: number, kind: PoolKind, bugs: PoolBugs = {}): Map3 {
  const out = zeros3(x.length, x[0].length, x[0][0].length);
  ȳ.forEach((map, c) =>
    map.forEach((row, P) =>
      row.forEach((d, Q) => {
        const cells = Array.from({ length: p * p }, (_, k) => [P * p + Math.floor(k / p), Q * p + (k % p)] as const);
        if (kind === 'average' && !bugs.firstPosition) {
          for (const [r, t] of cells) out[c][r][t] += d / (p * p);
          return;
        }
        const best = cells.reduce((u, w) => (x[c][w[0]][w[1]] > x[c][u[0]][u[1]] ? w : u));
        const [r, t] = bugs.firstPosition ? cells[0] : best;
        out[c][r][t] += d;
      }),
    ),
  );
  return out;
}

/**
 * ReLU of a map, or dropout with a fixed mask (keep where mask is 1, scaled by 1/keep).
 *
 * @example
 * relu(x)[0][0][0] >= 0; // true
 */
export const relu = (x: Map3): Map3 => x.map((m) => m.map((r) => r.map((v) => Math.max(0, v))));

/** The VJP of ReLU; `noMask` passes ȳ through everywhere (the derivative forgotten). */
export const reluVjp = (x: Map3, ȳ: Map3, noMask = false): Map3 =>
  ȳ.map((m, c) => m.map((r, i) => r.map((d, j) => (noMask || x[c][i][j] > 0 ? d : 0))));

/** A fixed dropout mask: keep where `noise` > −0.4 (about 70 %). */
export const dropMask = (x: Map3, seed: number): Map3 =>
  x.map((m, c) => m.map((r, i) => r.map((_, j) => (noise(seed, c, i, j) > -0.4 ? 1 : 0))));

/** Dropout with a fixed mask, scaled by 1/0.7 where kept. */
export const dropout = (x: Map3, mask: Map3): Map3 =>
  x.map((m, c) => m.map((r, i) => r.map((v, j) => (mask[c][i][j] * v) / 0.7)));

/** The VJP of dropout; `noMask` scales ȳ without the mask. */
export const dropoutVjp = (ȳ: Map3, mask: Map3, noMask = false): Map3 =>
  ȳ.map((m, c) => m.map((r, i) => r.map((d, j) => ((noMask ? 1 : mask[c][i][j]) * d) / 0.7)));

/** An O×C×kh×kw kernel bank of `noise`. */
export function kernel(O: number, C: number, kh: number, kw: number, seed: number): Kernel {
  return Array.from({ length: O }, (_, o) => featureMap(C, kh, kw, seed + 17 * o));
}
