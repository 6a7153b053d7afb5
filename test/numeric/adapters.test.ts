/**
 * Tensor adapters against the real packages: ml-matrix, ndarray and math.js values as leaves
 * of θ and of gradients, f receiving θ in the same types, and a full check of a small layer.
 */
import { type Params, type TensorAdapter, checkGradient, flatten, numericGradient, registerTensorAdapter } from 'gradcheck';
import { type MathJsInstance, all, create } from 'mathjs';
import { Matrix } from 'ml-matrix';
import ndarray, { type NdArray } from 'ndarray';
import * as layer from './tensorLayer.js';
import { describe, expect, it } from 'vitest';
import { TreeLayout } from '../../src/numeric/tree.js';

const math = create(all) as MathJsInstance;

const isNdarray = (v: unknown): v is NdArray => typeof v === 'object' && v !== null && 'stride' in v && 'data' in v;

describe.each([
  [
    'ml-matrix Matrix',
    () =>
      new Matrix([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    (v: unknown) => v instanceof Matrix,
  ],
  ['ndarray', () => ndarray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]), isNdarray],
  [
    'math.js DenseMatrix',
    () =>
      math.matrix([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    (v: unknown) => math.isDenseMatrix(v),
  ],
] as const)('%s', (_, make, isType) => {
  it('is one leaf tensor of its shape, read row-major, with paths W[i][j]', () => {
    const flat = flatten({ W: make() as unknown as Params, b: [7] });
    expect([...flat.values]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(flat.tensors.map((t) => [t.name, t.shape, t.dtype])).toEqual([
      ['W', [2, 3], 'float64'],
      ['b', [1], 'float64'],
    ]);
    expect(flat.paths.slice(0, 4)).toEqual(['W[0][0]', 'W[0][1]', 'W[0][2]', 'W[1][0]']);
  });

  it('round-trips: unflatten builds a new value of the same type and shape', () => {
    const like = make();
    const flat = flatten({ W: like as unknown as Params });
    const back = flat.unflatten([10, 20, 30, 40, 50, 60]) as { W: unknown };
    expect(isType(back.W)).toBe(true);
    expect(back.W).not.toBe(like);
    expect(flatten(back.W as Params).tensors[0].shape).toEqual([2, 3]);
    expect([...flatten(back.W as Params).values]).toEqual([10, 20, 30, 40, 50, 60]);
    expect([...flatten(like as unknown as Params).values]).toEqual([1, 2, 3, 4, 5, 6]); // untouched
  });

  it('f receives θ in the same type, perturbed in place, and θ itself is never written', () => {
    const theta = make();
    const seen = new Set<unknown>();
    const f = (p: { W: unknown }) => {
      expect(isType(p.W)).toBe(true);
      seen.add(p.W);
      return flatten(p.W as Params).values.reduce((s, x, k) => s + (k + 1) * x * x, 0);
    };
    const g = numericGradient(f, { W: theta as unknown as Params }) as { W: unknown };
    expect(isType(g.W)).toBe(true);
    const values = flatten(g.W as Params).values;
    [...values].forEach((v, k) => expect(v).toBeCloseTo(2 * (k + 1) * (k + 1), 6));
    expect(seen.size).toBe(1); // one working copy, moved entry by entry: no rebuild per call
    expect([...flatten(theta as unknown as Params).values]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('accepts a gradient of the same type, a nested array or rows of typed arrays', () => {
    const f = (p: { W: unknown }) => flatten(p.W as Params).values.reduce((s, x) => s + x * x, 0) / 2;
    const at = { W: make() as unknown as Params };
    const asType = (p: { W: unknown }) => ({ W: flatten(p.W as Params).unflatten(flatten(p.W as Params).values) });
    const nested = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(checkGradient(f, asType, { at }).pass).toBe(true);
    expect(checkGradient(f, { W: nested }, { at }).pass).toBe(true);
    expect(checkGradient(f, { W: nested.map((r) => Float64Array.from(r)) }, { at }).pass).toBe(true);
  });

  it('names a shape mismatch, and a transposed gradient as such', () => {
    const layout = TreeLayout.of({ W: make() as unknown as Params });
    expect(
      layout.structureMismatch(
        {
          W: [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
        },
        'gradient',
      ),
    ).toBe('W has 2×3 entries, gradient W has 3×2 (transposed?)');
    expect(layout.structureMismatch({ W: [1, 2, 3, 4, 5, 6] }, 'gradient')).toBe('W has 2×3 entries, gradient W has 6');
    expect(() => checkGradient(() => 0, { W: [[1, 2]] }, { at: { W: make() as unknown as Params } })).toThrow(
      'checkGradient: W has 2×3 entries, gradient W has 1×2',
    );
  });
});

describe('a tensor as θ itself, or inside a list', () => {
  it('names root entries [i][j] and list entries [k][i][j]', () => {
    expect(flatten(new Matrix([[1, 2]])).paths).toEqual(['[0][0]', '[0][1]']);
    expect(flatten([math.matrix([1, 2]), ndarray(new Float64Array([3]), [1])]).paths).toEqual(['[0][0]', '[0][1]', '[1][0]']);
  });

  it('checks a gradient at a bare Matrix θ, the gradient given as a Matrix', () => {
    const f = (W: Matrix) => W.get(0, 0) * W.get(0, 1);
    const grad = (W: Matrix) => new Matrix([[W.get(0, 1), W.get(0, 0)]]);
    expect(checkGradient(f, grad, { at: new Matrix([[2, 3]]) }).pass).toBe(true);
    const wrong = (W: Matrix) => new Matrix([[W.get(0, 1), 0]]);
    expect(checkGradient(f, wrong, { at: new Matrix([[2, 3]]) }).mismatches.map((m) => m.path)).toEqual(['[0][1]']);
  });
});

describe('a small layer with θ = { W: Matrix, b: ndarray, c: DenseMatrix }', () => {
  // loss = Σᵢ tanh((W x + b)ᵢ)² + Σ c², x fixed (test/numeric/tensorLayer.ts)
  const { theta, loss, grad } = layer;

  it('passes with the correct gradient in exactly 2n calls', () => {
    const report = checkGradient(loss, grad(false), { at: theta() });
    expect(report.pass).toBe(true);
    expect(report.evaluations).toBe(2 * 10);
  });

  it('names the wrong entry by path', () => {
    const report = checkGradient(loss, grad(true), { at: theta() });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['W[1][2]']);
  });

  it('sees a write f makes into its Matrix θ', () => {
    const report = checkGradient(
      (p: layer.Theta) => {
        const v = loss(p);
        p.W.set(0, 0, 42);
        return v;
      },
      grad(false),
      { at: theta() },
    );
    expect(report.pass).toBe(false);
  });
});

describe('ndarray storage and strides', () => {
  it('float32 storage infers float32 precision as a Float32Array does', () => {
    const sumSquares = (xs: ArrayLike<number>) => {
      let s = 0;
      for (let i = 0; i < xs.length; i++) s = Math.fround(s + Math.fround(xs[i] * xs[i]));
      return s;
    };
    const twice = (xs: ArrayLike<number>) => Array.from(xs, (v) => 2 * v);
    const at = ndarray(new Float32Array([0.5, -1.25, 2]), [3]);
    expect(flatten(at as unknown as Params).dtype).toBe('float32');
    const seen: unknown[] = [];
    const f = (p: NdArray<Float32Array>) => {
      seen.push(p.data);
      return sumSquares(p.data);
    };
    const report = checkGradient(f, (p: NdArray<Float32Array>) => twice(p.data), { at });
    const typed = checkGradient(sumSquares, twice, { at: new Float32Array([0.5, -1.25, 2]) });
    expect(report.pass).toBe(true);
    expect(seen[0]).toBeInstanceOf(Float32Array);
    expect(report.settings.precision).toBe('float32');
    expect(report.settings).toEqual(typed.settings);
  });

  it('reads a transposed view in row-major order of the view', () => {
    const a = ndarray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
    const t = a.transpose(1, 0); // 3×2: [[1, 4], [2, 5], [3, 6]]
    const flat = flatten({ T: t as unknown as Params });
    expect(flat.tensors[0].shape).toEqual([3, 2]);
    expect([...flat.values]).toEqual([1, 4, 2, 5, 3, 6]);
    // f sees the view's entries where the view has them, and the gradient lands in place.
    const g = numericGradient((p: { T: NdArray }) => p.T.get(2, 0) * 3 + p.T.get(0, 1), { T: t });
    expect([...flatten(g.T).values].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0, 1, 0, 0, 3, 0]);
  });

  it('reads a stepped, offset view and a plain-array view', () => {
    const a = ndarray([0, 1, 2, 3, 4, 5, 6, 7], [4], [-2], 7); // 7, 5, 3, 1
    expect([...flatten(a as unknown as Params).values]).toEqual([7, 5, 3, 1]);
    const back = flatten(a as unknown as Params).unflatten([1, 2, 3, 4]) as unknown as NdArray;
    expect(Array.isArray(back.data)).toBe(true);
    expect(back.get(3)).toBe(4);
  });

  it('names a shape mismatch between ndarrays', () => {
    const layout = TreeLayout.of({ b: ndarray(new Float64Array(3), [3]) as unknown as Params });
    expect(layout.structureMismatch({ b: ndarray(new Float64Array(4), [4]) }, 'gradient')).toBe(
      'b has 3 entries, gradient b has 4',
    );
  });
});

describe('registerTensorAdapter', () => {
  class Grid {
    constructor(
      readonly rows: number,
      readonly cols: number,
      readonly cells: Float64Array,
    ) {}
  }
  const immutable: TensorAdapter<Grid> = {
    name: 'Grid',
    is: (value): value is Grid => value instanceof Grid,
    shape: (grid) => [grid.rows, grid.cols],
    read: (grid) => Float64Array.from(grid.cells),
    build: (values, like) => new Grid(like.rows, like.cols, Float64Array.from(values)),
  };
  const f = (p: { G: Grid }) => {
    expect(p.G).toBeInstanceOf(Grid);
    return p.G.cells.reduce((s, v, k) => s + (k + 1) * v * v, 0);
  };
  const flatGrad = (p: { G: Grid }) => [...p.G.cells].map((v, k) => 2 * (k + 1) * v);
  const grad = (p: { G: Grid }) => ({ G: [flatGrad(p).slice(0, 2), flatGrad(p).slice(2)] });
  const at = () => ({ G: new Grid(2, 2, Float64Array.of(1, -2, 0.5, 3)) });

  it('plugs in a type without locate: rebuilt before each call, still 2n calls', () => {
    const unregister = registerTensorAdapter(immutable);
    try {
      expect(flatten(at()).paths).toEqual(['G[0][0]', 'G[0][1]', 'G[1][0]', 'G[1][1]']);
      const grid = (p: { G: Grid }) => ({ G: new Grid(2, 2, Float64Array.from(flatGrad(p))) });
      const report = checkGradient(f, grid, { at: at() });
      expect(report.pass).toBe(true);
      expect(report.evaluations).toBe(8);
      expect(() => checkGradient(f, { G: [[1, 2, 3, 4]] }, { at: at() })).toThrow(
        'checkGradient: G has 2×2 entries, gradient G has 1×4',
      );
      expect(() => checkGradient(f, { G: 1 } as never, { at: at() })).toThrow(
        'checkGradient: G is a 2×2 Grid, gradient G is a number',
      );
    } finally {
      unregister();
    }
    expect(() => flatten(at())).toThrow(/G is a Grid; expected a number/);
  });

  it('plugs in a type with locate: moved in place', () => {
    const unregister = registerTensorAdapter({
      ...immutable,
      locate: (grid: Grid, index: number) => [grid.cells, index] as const,
    });
    try {
      const grids = new Set<Grid>();
      const report = checkGradient(
        (p: { G: Grid }) => {
          grids.add(p.G);
          return f(p);
        },
        grad,
        { at: at() },
      );
      expect(report.pass).toBe(true);
      expect(grids.size).toBe(1);
    } finally {
      unregister();
    }
  });

  it('rejects an adapter without the required functions, naming the member', () => {
    expect(() => registerTensorAdapter({ name: 'Broken', is: () => false } as never)).toThrow(
      'registerTensorAdapter: adapter.shape must be a function (adapter "Broken")',
    );
  });
});
