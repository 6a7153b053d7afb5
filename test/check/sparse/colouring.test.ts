import { describe, expect, it } from 'vitest';
import {
  clashOf,
  columnRows,
  greedyColouring,
  nonzeros,
  patternWhere,
  rowColumns,
  symmetric,
  symmetricColouring,
  unrecoverableEntry,
  widestRow,
} from '../../../src/numeric/sparsity/index.js';
import { conv, patternOf } from './patterns.js';

describe('patterns', () => {
  it('index a matrix both ways, ascending', () => {
    // [[1, 0, 1],
    //  [0, 1, 1]]
    const p = patternWhere(2, 3, (k) => [1, 0, 1, 0, 1, 1][k] === 1);
    expect([...rowColumns(p, 0)]).toEqual([0, 2]);
    expect([...rowColumns(p, 1)]).toEqual([1, 2]);
    expect([...columnRows(p, 2)]).toEqual([0, 1]);
    expect([...columnRows(p, 1)]).toEqual([1]);
    expect(nonzeros(p)).toBe(4);
    expect(widestRow(p)).toBe(2);
  });

  it('symmetrise a square pattern', () => {
    const p = symmetric(patternWhere(3, 3, (k) => k === 1 || k === 8));
    expect([...rowColumns(p, 0)]).toEqual([1]);
    expect([...rowColumns(p, 1)]).toEqual([0]);
    expect([...rowColumns(p, 2)]).toEqual([2]);
  });
});

describe('greedyColouring', () => {
  it('colours a diagonal with one colour', () => {
    const p = patternWhere(
      1000,
      1000,
      patternOf(1000, (i, j) => i === j),
    );
    const c = greedyColouring(p);
    expect(c.count).toBe(1);
    expect(c.members[0]).toHaveLength(1000);
    expect(clashOf(p, c)).toBeUndefined();
  });

  it('colours a band of half-width w with 2w + 1 colours (and a tridiagonal with 3)', () => {
    for (const w of [1, 2, 4]) {
      const p = patternWhere(
        200,
        200,
        patternOf(200, (i, j) => Math.abs(i - j) <= w),
      );
      const c = greedyColouring(p);
      expect(c.count).toBe(2 * w + 1);
      expect(clashOf(p, c)).toBeUndefined();
    }
  });

  it('colours a block diagonal with the block size', () => {
    const p = patternWhere(
      60,
      60,
      patternOf(60, (i, j) => Math.floor(i / 5) === Math.floor(j / 5)),
    );
    const c = greedyColouring(p);
    expect(c.count).toBe(5);
    expect(clashOf(p, c)).toBeUndefined();
  });

  it('colours a 3×3 convolution on 32×32 with 9 colours per input channel', () => {
    for (const [cin, cout] of [
      [1, 1],
      [2, 3],
    ]) {
      const layer = conv({ cin, cout, size: 32, k: 3 });
      const marks = new Set<number>();
      layer.each((r, col) => marks.add(r * layer.cols + col));
      const p = patternWhere(layer.rows, layer.cols, (k) => marks.has(k));
      const c = greedyColouring(p);
      expect(c.count).toBe(9 * cin);
      expect(c.count).toBeLessThanOrEqual(9 * cin * cout);
      expect(clashOf(p, c)).toBeUndefined();
    }
  });

  it('gives a dense pattern one colour per column, and clashOf finds a bad colouring', () => {
    const p = patternWhere(4, 6, () => true);
    const c = greedyColouring(p);
    expect(c.count).toBe(6);
    expect(clashOf(p, c)).toBeUndefined();
    const bad = { ...c, colour: Int32Array.of(0, 0, 1, 2, 3, 4) };
    expect(clashOf(p, bad)).toEqual({ row: 0, columns: [0, 1] });
  });
});

describe('symmetricColouring', () => {
  it('colours an arrowhead (row and column 0 full, plus the diagonal) with 2 colours instead of n', () => {
    const n = 100;
    const p = patternWhere(
      n,
      n,
      patternOf(n, (i, j) => i === 0 || j === 0 || i === j),
    );
    expect(greedyColouring(p).count).toBe(n);
    const c = symmetricColouring(p);
    expect(c.count).toBe(2);
    expect([...c.mirrored]).toEqual([0]);
    expect(unrecoverableEntry(p, c)).toBeUndefined();
  });

  it('keeps the plain colouring where symmetry does not pay (a tridiagonal)', () => {
    const p = patternWhere(
      50,
      50,
      patternOf(50, (i, j) => Math.abs(i - j) <= 1),
    );
    const c = symmetricColouring(p);
    expect(c.count).toBe(3);
    expect(c.mirrored).toHaveLength(0);
    expect(unrecoverableEntry(p, c)).toBeUndefined();
  });

  it('finds an entry that a colouring cannot recover', () => {
    const p = patternWhere(
      3,
      3,
      patternOf(3, (i, j) => i === 0 || j === 0 || i === j),
    );
    const oneColour = { colour: Int32Array.of(0, 0, 0), count: 1, members: [Int32Array.of(0, 1, 2)] };
    expect(unrecoverableEntry(p, oneColour)).toEqual([0, 0]);
  });
});
