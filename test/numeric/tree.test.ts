import { describe, expect, it } from 'vitest';
import { flatten, unflatten } from 'gradcheck';
import { TreeLayout } from '../../src/numeric/tree.js';

describe('flatten', () => {
  it('flattens objects in key order and arrays row-major, with entry paths', () => {
    const flat = flatten({
      W1: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      b1: new Float64Array([7, 8]),
      s: 9,
    });
    expect([...flat.values]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(flat.paths).toEqual(['W1[0][0]', 'W1[0][1]', 'W1[1][0]', 'W1[1][1]', 'W1[2][0]', 'W1[2][1]', 'b1[0]', 'b1[1]', 's']);
    expect(flat.tensors.map((t) => [t.name, t.offset, t.shape])).toEqual([
      ['W1', 0, [3, 2]],
      ['b1', 6, [2]],
      ['s', 8, []],
    ]);
  });

  it('names root entries [i], [i][j] and a bare number θ', () => {
    expect(flatten([1, 2, 3]).paths).toEqual(['[0]', '[1]', '[2]']);
    expect(
      flatten([
        [1, 2],
        [3, 4],
      ]).paths,
    ).toEqual(['[0][0]', '[0][1]', '[1][0]', '[1][1]']);
    expect(flatten(2.5).paths).toEqual(['θ']);
  });

  it('names nested objects with dots and odd keys with brackets', () => {
    const flat = flatten({ layer: { bias: [1, 2] }, 'my key': 3 });
    expect(flat.paths).toEqual(['layer.bias[0]', 'layer.bias[1]', '["my key"]']);
  });

  it('treats ragged arrays and arrays of objects as containers', () => {
    expect(flatten([[1, 2], [3]]).paths).toEqual(['[0][0]', '[0][1]', '[1][0]']);
    expect(flatten([{ W: [1] }, { W: [2, 3] }]).paths).toEqual(['[0].W[0]', '[1].W[0]', '[1].W[1]']);
  });

  it('round-trips through unflatten, keeping typed-array types', () => {
    const tree = { W: [[1, 2]], b: new Float32Array([3]), c: new Float64Array([4]), s: 5 };
    const flat = flatten(tree);
    const back = flat.unflatten([10, 20, 30, 40, 50]);
    expect(back).toEqual({ W: [[10, 20]], b: new Float32Array([30]), c: new Float64Array([40]), s: 50 });
    expect(back.b).toBeInstanceOf(Float32Array);
    expect(unflatten(tree, [1, 2, 3, 4, 5])).toEqual(tree);
    expect(unflatten([1, 2, 3, 4, 5] as never, tree as never)).toEqual(tree);
  });

  it('reports the dtype', () => {
    expect(flatten(new Float32Array(2)).dtype).toBe('float32');
    expect(flatten({ a: new Float32Array(2), b: [1] }).dtype).toBe('mixed');
    expect(flatten([1]).dtype).toBe('float64');
  });

  it('rejects values that are not parameters, naming the path', () => {
    expect(() => flatten({ W: [[1, 'x']] } as never)).toThrow(/W\[0\]\[1\] is the string "x"/);
    expect(() => flatten({ W: null } as never)).toThrow(/W is null/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => flatten(cyclic as never)).toThrow(/contains itself/);
  });
});

describe('structure comparison', () => {
  const layout = TreeLayout.of({
    W1: [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      [1, 2, 3],
      [4, 5, 6],
    ],
    b2: [1, 2],
  });
  it('accepts the same structure, whatever the array type', () => {
    expect(
      layout.structureMismatch({ W1: Array.from({ length: 5 }, () => [0, 0, 0]), b2: new Float64Array(2) }, 'gradient'),
    ).toBeUndefined();
  });
  it('names a missing key', () => {
    expect(layout.structureMismatch({ W1: layout.unflatten(layout.values).W1 }, 'gradient')).toBe('gradient is missing b2');
  });
  it('names a transposed matrix', () => {
    const transposed = Array.from({ length: 3 }, () => [0, 0, 0, 0, 0]);
    expect(layout.structureMismatch({ W1: transposed, b2: [0, 0] }, 'gradient')).toBe(
      'W1 has 5×3 entries, gradient W1 has 3×5 (transposed?)',
    );
  });
  it('accepts matrix rows as typed arrays against number[][] and back', () => {
    const rows = TreeLayout.of({ W: [new Float32Array([1, 2]), new Float32Array([3, 4])] });
    expect(
      rows.structureMismatch(
        {
          W: [
            [0, 0],
            [0, 0],
          ],
        },
        'gradient',
      ),
    ).toBeUndefined();
    expect(
      TreeLayout.of({
        W: [
          [0, 0],
          [0, 0],
        ],
      }).structureMismatch({ W: [new Float64Array(2), new Float64Array(2)] }, 'gradient'),
    ).toBeUndefined();
    expect(
      rows.structureMismatch(
        {
          W: [
            [0, 0, 0],
            [0, 0, 0],
          ],
        },
        'gradient',
      ),
    ).toBe('W has 2×2 entries, gradient W has 2×3');
  });

  it('names a wrong length at the root', () => {
    expect(TreeLayout.of([1, 2, 3]).structureMismatch([1, 2], 'gradient')).toBe('θ has 3 entries, gradient has 2');
  });
});

describe('working copy', () => {
  it('perturbs in place without touching the original and reports the stored value', () => {
    const theta = Object.freeze({ w: Object.freeze([1, 2]), v: new Float32Array([0.1]) });
    const layout = TreeLayout.of(theta);
    const copy = layout.workingCopy();
    copy.set(1, 5);
    expect(copy.root()).toEqual({ w: [1, 5], v: new Float32Array([0.1]) });
    expect(copy.set(2, 0.3)).toBe(Math.fround(0.3));
    expect(theta.w).toEqual([1, 2]);
    expect(copy.firstDifference(layout.values)).toBe(1);
  });
});
