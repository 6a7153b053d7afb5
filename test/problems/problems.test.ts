import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  b1Index,
  b5Index,
  flipSign,
  injectBug,
  kink,
  KINK_INDEX,
  largescale,
  logreg,
  logregData,
  logregGrad,
  logregGradNoReg,
  mlp,
  mlpBlocks,
  mlpFloat32,
  mlpTree,
  ngnnData,
  ngnnFlat,
  ngnnGradNoReg,
  ngnnToFlat,
  ngnnToTree,
  ngnnTree,
  ngnnTreeGradNoReg,
  noRegularisation,
  nudgeMiddle,
  rollColumnMajor,
  rosenbrock,
  scaleByTwo,
  theta2RowMajor,
  unrollColumnMajor,
  withBug,
  zeroB1,
  type MlpParams,
  type MlpSize,
  type Problem,
} from './index.js';

/** One problem's entry in expected_values.json (numbers stored as '.17g' strings). */
interface Expected {
  n: number;
  dtype: 'float64' | 'float32';
  theta0_first5: string[];
  theta0_last5: string[];
  f: string;
  f_loop: string;
  grad_first5: string[];
  grad_last5: string[];
  grad_norm2: string;
  B1_index: number;
  grad_at_B1_index: string;
  B5_index: number;
  grad_at_B5_index: string;
  blocks?: Record<string, [number, number]>;
  y?: number[];
  X_rowmajor?: string[];
}

const expected = JSON.parse(readFileSync(new URL('./expected_values.json', import.meta.url), 'utf8')) as Record<string, Expected>;

/** Float64 ports agree with the reference to ~1e-14 (sum order, libm); we allow 1e-12. */
const RTOL_F64 = 1e-12;
/** P7 f against the reference's own Math.fround-style loop: within about one float32 ulp. */
const RTOL_F32_F = 1e-7;
/** P7 gradient against torch.float32 (a different summation order): ~1e-6, we allow 1e-5. */
const RTOL_F32_GRAD = 1e-5;
/** Analytic against finite-difference gradients, per entry. */
const RTOL_FD = 1e-6;

/** |actual − expected| ≤ rtol·|expected| (so an expected 0 must be met exactly). */
function expectRel(actual: number, want: string | number, rtol: number, label: string): void {
  const e = Number(want);
  expect(Math.abs(actual - e), `${label}: got ${actual}, expected ${e}`).toBeLessThanOrEqual(rtol * Math.abs(e));
}

/** Checks the first and last five entries (or all, when n < 5) against the JSON's lists. */
function expectEnds(v: ArrayLike<number>, first: string[], last: string[], rtol: number, label: string): void {
  first.forEach((want, i) => expectRel(v[i], want, rtol, `${label}[${i}]`));
  last.forEach((want, i) => {
    const k = v.length - last.length + i;
    expectRel(v[k], want, rtol, `${label}[${k}]`);
  });
}

function norm2(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * Central difference along coordinate i with one Richardson step, (4·D(h/2) − D(h)) / 3, so the
 * truncation error is O(h⁴): plain central differences at 1e-4 are off by 6.5e-4 relative on
 * Rosenbrock n = 1000, entry 722 (NUMERICS.md), too coarse for a 1e-6 check.
 * Divides by the step actually taken, fl(θ + h) − fl(θ − h).
 */
function numericPartial(f: (x: Float64Array) => number, theta: Float64Array, i: number): number {
  const central = (h: number): number => {
    const x = theta.slice();
    x[i] = theta[i] + h;
    const up = x[i];
    const fUp = f(x);
    x[i] = theta[i] - h;
    const down = x[i];
    return (fUp - f(x)) / (up - down);
  };
  const h = 1e-2 * Math.max(1, Math.abs(theta[i]));
  return (4 * central(h / 2) - central(h)) / 3;
}

/** Asserts analytic ≈ numeric on the given coordinates, per entry, to RTOL_FD. */
function expectMatchesNumeric(
  f: (x: Float64Array) => number,
  theta: ArrayLike<number>,
  grad: ArrayLike<number>,
  indices: Iterable<number>,
): void {
  const t = Float64Array.from(theta);
  // A tiny absolute floor so that a near-zero entry is not held to a relative bound.
  const atol = 1e-10 * Math.max(...Array.from(grad, Math.abs));
  for (const i of indices) {
    const num = numericPartial(f, t, i);
    expect(Math.abs(num - grad[i]), `entry ${i}: analytic ${grad[i]}, numeric ${num}`).toBeLessThanOrEqual(
      RTOL_FD * Math.abs(grad[i]) + atol,
    );
  }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Deterministic PRNG (mulberry32) for choosing coordinates. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mlpFlatten = (p: MlpParams): Float64Array => {
  const out = new Float64Array(p.W1.length + p.b1.length + p.W2.length + p.b2.length);
  let o = 0;
  for (const leaf of [p.W1, p.b1, p.W2, p.b2]) {
    out.set(leaf, o);
    o += leaf.length;
  }
  return out;
};

/** A problem seen through a flat view, so that every view is checked against the same JSON entry. */
interface Case {
  key: string;
  view: 'flat' | 'tree';
  make: () => Problem<unknown>;
  toFlat: (v: unknown) => ArrayLike<number>;
}

const flat = (v: unknown): ArrayLike<number> => v as ArrayLike<number>;

const cases: Case[] = [
  { key: 'P1-rosenbrock-n10', view: 'flat', make: () => rosenbrock(10), toFlat: flat },
  { key: 'P1-rosenbrock-n1000', view: 'flat', make: () => rosenbrock(1000), toFlat: flat },
  { key: 'P2-logreg', view: 'flat', make: logreg, toFlat: flat },
  { key: 'P3-ngnn', view: 'flat', make: ngnnFlat, toFlat: flat },
  { key: 'P3-ngnn', view: 'tree', make: ngnnTree, toFlat: (v) => ngnnToFlat(v as ReturnType<typeof ngnnToTree>) },
  { key: 'P4-small', view: 'flat', make: () => mlp('small'), toFlat: flat },
  { key: 'P4-small', view: 'tree', make: () => mlpTree('small'), toFlat: (v) => mlpFlatten(v as MlpParams) },
  { key: 'P4-large', view: 'flat', make: () => mlp('large'), toFlat: flat },
  { key: 'P4-large', view: 'tree', make: () => mlpTree('large'), toFlat: (v) => mlpFlatten(v as MlpParams) },
  { key: 'P5-kink', view: 'flat', make: kink, toFlat: flat },
  { key: 'P6-largescale', view: 'flat', make: largescale, toFlat: flat },
  { key: 'P7-float32', view: 'flat', make: mlpFloat32, toFlat: flat },
];

describe.each(cases)('$key ($view view) against expected_values.json', ({ key, make, toFlat }) => {
  const e = expected[key];
  const f32 = e.dtype === 'float32';
  const p = make();
  const theta0 = toFlat(p.theta0);
  const grad = toFlat(p.grad(p.theta0));

  it('has the expected size, name and θ0', () => {
    expect(p.name).toBe(key);
    expect(p.n).toBe(e.n);
    expect(theta0.length).toBe(e.n);
    expectEnds(theta0, e.theta0_first5, e.theta0_last5, RTOL_F64, 'θ0');
  });

  it('has the expected f(θ0)', () => {
    if (f32) expectRel(p.f(p.theta0), e.f_loop, RTOL_F32_F, 'f');
    else expectRel(p.f(p.theta0), e.f, RTOL_F64, 'f');
  });

  it('has the expected gradient ends, 2-norm and B1/B5 entries', () => {
    const rtol = f32 ? RTOL_F32_GRAD : RTOL_F64;
    expect(grad.length).toBe(e.n);
    expectEnds(grad, e.grad_first5, e.grad_last5, rtol, 'grad');
    expectRel(norm2(grad), e.grad_norm2, rtol, '‖grad‖');
    expect(b1Index(e.n)).toBe(e.B1_index);
    expect(b5Index(e.n)).toBe(e.B5_index);
    expectRel(grad[e.B1_index], e.grad_at_B1_index, rtol, 'grad[B1]');
    expectRel(grad[e.B5_index], e.grad_at_B5_index, rtol, 'grad[B5]');
  });

  it('does not mutate θ', () => {
    const before = Array.from(toFlat(p.theta0));
    p.f(p.theta0);
    p.grad(p.theta0);
    expect(Array.from(toFlat(p.theta0))).toEqual(before);
  });
});

describe('analytic gradients agree with finite differences', () => {
  it.each([
    ['P1 n = 10', rosenbrock(10)],
    ['P1 n = 1000', rosenbrock(1000)],
    ['P6', largescale()],
  ] as const)('%s (every entry)', (_, p) => {
    expectMatchesNumeric(p.f, p.theta0, p.grad(p.theta0), range(p.n));
  });

  it('P1 accepts number[] as well as Float64Array', () => {
    const p = rosenbrock(10);
    const asArray = Array.from(p.theta0);
    expect(p.f(asArray)).toBe(p.f(p.theta0));
    expect(p.grad(asArray)).toEqual(p.grad(p.theta0));
    expect(p.grad(asArray)).toBeInstanceOf(Float64Array);
  });

  it('P2 (every entry)', () => {
    const p = logreg();
    expectMatchesNumeric((x) => p.f(Array.from(x)), p.theta0, p.grad(p.theta0), range(p.n));
  });

  it('P3, flat view (every entry)', () => {
    const p = ngnnFlat();
    expectMatchesNumeric((x) => p.f(Array.from(x)), p.theta0, p.grad(p.theta0), range(p.n));
  });

  it('P3, nested view (every entry, through the column-major unroll)', () => {
    const p = ngnnTree();
    const grad = ngnnToFlat(p.grad(p.theta0));
    expectMatchesNumeric((x) => p.f(ngnnToTree(x)), ngnnToFlat(p.theta0), grad, range(p.n));
  });

  it('P3 meets the seed criterion ‖n − a‖ / ‖n + a‖ < 1e-9 (central differences, ε = 1e-4)', () => {
    const p = ngnnFlat();
    const a = p.grad(p.theta0);
    const num = p.theta0.map((t, i) => {
      const x = p.theta0.slice();
      x[i] = t + 1e-4;
      const up = p.f(x);
      x[i] = t - 1e-4;
      return (up - p.f(x)) / 2e-4;
    });
    expect(norm2(num.map((v, i) => v - a[i])) / norm2(num.map((v, i) => v + a[i]))).toBeLessThan(1e-9);
  });

  it('P5 (every entry but the kink; at θ[2] = 0 differences give 0.5, the analytic gradient 0)', () => {
    const p = kink();
    const grad = p.grad(p.theta0);
    const f = (x: Float64Array): number => p.f(Array.from(x));
    expectMatchesNumeric(
      f,
      p.theta0,
      grad,
      range(p.n).filter((i) => i !== KINK_INDEX),
    );
    expect(grad[KINK_INDEX]).toBe(0);
    expect(numericPartial(f, Float64Array.from(p.theta0), KINK_INDEX)).toBeCloseTo(0.5, 12);
  });

  it.each(['small', 'large'] as const)('P4-%s (5 random coordinates in each block)', (size: MlpSize) => {
    const p = mlp(size);
    const random = mulberry32(size === 'small' ? 1 : 2);
    const indices = Object.values(p.blocks).flatMap(([start, end]) =>
      range(5).map(() => start + Math.floor(random() * (end - start))),
    );
    expectMatchesNumeric(p.f, p.theta0, p.grad(p.theta0), indices);
  });
});

describe('views and layouts', () => {
  it('P3 data match the JSON (X row-major, y = 1 + mod(1:m, 3))', () => {
    const e = expected['P3-ngnn'];
    expect(ngnnData.y).toEqual(e.y);
    ngnnData.X.flat().forEach((v, i) => expectRel(v, e.X_rowmajor![i], RTOL_F64, `X[${i}]`));
    expect(ngnnFlat().blocks).toEqual(e.blocks);
  });

  it('rollColumnMajor inverts unrollColumnMajor, MATLAB style', () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const B = [[7], [8]];
    expect(unrollColumnMajor([A, B])).toEqual([1, 4, 2, 5, 3, 6, 7, 8]);
    expect(
      rollColumnMajor(
        [1, 4, 2, 5, 3, 6, 7, 8],
        [
          [2, 3],
          [2, 1],
        ],
      ),
    ).toEqual([A, B]);
    expect(() => rollColumnMajor([1, 2], [[2, 3]])).toThrow(RangeError);
  });

  it('P3 flat and nested views give the same f and gradient', () => {
    const flatP = ngnnFlat();
    const tree = ngnnTree();
    expect(ngnnToFlat(tree.theta0)).toEqual(flatP.theta0);
    expect(tree.f(tree.theta0)).toBe(flatP.f(flatP.theta0));
    expect(ngnnToFlat(tree.grad(tree.theta0))).toEqual(flatP.grad(flatP.theta0));
    expect(tree.theta0.Theta1).toHaveLength(5);
    expect(tree.theta0.Theta1[0]).toHaveLength(4);
    expect(tree.theta0.Theta2).toHaveLength(3);
    expect(tree.theta0.Theta2[0]).toHaveLength(6);
  });

  it.each(['small', 'large'] as const)('P4-%s blocks match the JSON; flat and tree views agree', (size) => {
    const p = mlp(size);
    expect(p.blocks).toEqual(expected[`P4-${size}`].blocks);
    expect(mlpBlocks(size)).toEqual(p.blocks);
    const tree = mlpTree(size);
    expect(tree.f(tree.theta0)).toBe(p.f(p.theta0));
    expect(mlpFlatten(tree.grad(tree.theta0))).toEqual(p.grad(p.theta0));
  });

  it('P7 is float32 throughout', () => {
    const p = mlpFloat32();
    expect(p.blocks).toEqual(expected['P7-float32'].blocks);
    expect(p.theta0).toBeInstanceOf(Float32Array);
    const f = p.f(p.theta0);
    expect(Math.fround(f)).toBe(f);
    expect(p.grad(p.theta0)).toBeInstanceOf(Float32Array);
    expect(() => p.f(new Float32Array(3))).toThrow(RangeError);
  });
});

describe('injected bugs', () => {
  const p4 = mlp('small');
  const g4 = p4.grad(p4.theta0);

  it('B1 flips the sign of entry floor(n/3) only, and never mutates its input', () => {
    for (const key of ['P1-rosenbrock-n1000', 'P2-logreg', 'P3-ngnn', 'P4-small'] as const) {
      const p = cases.find((c) => c.key === key)!.make() as Problem<Float64Array | number[]>;
      const g = p.grad(p.theta0);
      const before = Array.from(g);
      const bad = flipSign(g);
      const k = expected[key].B1_index;
      expect(Array.from(g)).toEqual(before);
      expect(bad.constructor).toBe(g.constructor);
      expect(bad[k]).toBe(-g[k]);
      expect(Array.from(bad).filter((_, i) => i !== k)).toEqual(before.filter((_, i) => i !== k));
    }
  });

  it('B2 doubles every entry', () => {
    expect(scaleByTwo(g4)).toEqual(g4.map((v) => 2 * v));
    const g7 = mlpFloat32().grad(mlpFloat32().theta0);
    expect(scaleByTwo(g7)).toBeInstanceOf(Float32Array);
  });

  it('B3 leaves out exactly the regularisation term (P2, P3)', () => {
    const t2 = logreg().theta0;
    const diff2 = logregGrad(t2).map((v, k) => v - logregGradNoReg(t2)[k]);
    const s2 = logregData.lambda / logregData.m;
    [0, s2 * t2[1], s2 * t2[2]].forEach((want, k) => expect(diff2[k]).toBeCloseTo(want, 15));
    expect(noRegularisation.logreg).toBe(logregGradNoReg);

    const p3 = ngnnTree();
    const s3 = ngnnData.lambda / ngnnData.m;
    const full = p3.grad(p3.theta0);
    const noReg = ngnnTreeGradNoReg(p3.theta0);
    for (const name of ['Theta1', 'Theta2'] as const) {
      full[name].forEach((row, r) =>
        row.forEach((v, c) => expect(v - noReg[name][r][c]).toBeCloseTo(c === 0 ? 0 : s3 * p3.theta0[name][r][c], 15)),
      );
    }
    expect(ngnnGradNoReg(ngnnToFlat(p3.theta0))).toEqual(ngnnToFlat(noReg));
  });

  it('B4 writes Theta2 row-major inside the flat P3 gradient', () => {
    const p = ngnnTree();
    const tree = p.grad(p.theta0);
    const bad = theta2RowMajor(ngnnToFlat(tree));
    expect(bad.slice(0, 20)).toEqual(unrollColumnMajor([tree.Theta1]));
    expect(bad.slice(20)).toEqual(tree.Theta2.flat());
    expect(bad.slice(20)).not.toEqual(ngnnToFlat(tree).slice(20));
  });

  it('B5 multiplies entry floor(n/2) by 1 + 1e-3', () => {
    const k = expected['P4-small'].B5_index;
    const bad = nudgeMiddle(g4);
    expect(bad[k]).toBe(g4[k] * (1 + 1e-3));
    expect(bad.filter((_, i) => i !== k)).toEqual(g4.filter((_, i) => i !== k));
  });

  it('B6 zeroes the b1 block only (P4, P7)', () => {
    const [start, end] = p4.blocks.b1;
    const bad = zeroB1(p4.blocks)(g4);
    expect(Array.from(bad.subarray(start, end)).every((v) => v === 0)).toBe(true);
    expect(g4.subarray(start, end).some((v) => v !== 0)).toBe(true);
    expect(bad.subarray(0, start)).toEqual(g4.subarray(0, start));
    expect(bad.subarray(end)).toEqual(g4.subarray(end));
    const p7 = mlpFloat32();
    expect(zeroB1(p7.blocks)(p7.grad(p7.theta0))).toBeInstanceOf(Float32Array);
  });

  it('withBug and injectBug wrap a gradient function', () => {
    const buggy = withBug(p4.grad, scaleByTwo);
    expect(buggy(p4.theta0)).toEqual(g4.map((v) => 2 * v));
    const q = injectBug(p4, flipSign);
    expect(q.blocks).toBe(p4.blocks);
    expect(q.f(q.theta0)).toBe(p4.f(p4.theta0));
    expect(q.grad(q.theta0)).toEqual(flipSign(g4));
  });
});
