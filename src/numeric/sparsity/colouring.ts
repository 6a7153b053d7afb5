/**
 * Column colouring (Curtis, Powell and Reid, 1974): columns that share no row may be perturbed
 * together, since each row of f then sees at most one of them move. One perturbation per colour
 * recovers every entry of the pattern.
 */
import { type Pattern, columnRows, rowColumns, widestRow } from './pattern.js';

/** A colouring of a pattern's columns. */
export interface Colouring {
  /** Colour of each column, 0 … count − 1. */
  readonly colour: Int32Array;
  readonly count: number;
  /** The columns of each colour, ascending. */
  readonly members: readonly Int32Array[];
}

/**
 * Greedy colouring in column order: each column takes the smallest colour none of the columns
 * it shares a row with has yet. In the natural order this finds the optimal colourings of the
 * common layer structures: 1 for a diagonal, w for a band of width w, 9 per input channel for a
 * 3×3 convolution (the classes of (x mod 3, y mod 3)). Cost: Σ over rows of (entries in the row)².
 *
 * @example
 * greedyColouring(patternWhere(3, 3, (k) => k % 4 === 0)).count; // 1 (a diagonal)
 */
export function greedyColouring(p: Pattern): Colouring {
  // A full row makes every pair of columns clash: one colour each, without the n³ search.
  if (widestRow(p) === p.cols) {
    const colour = Int32Array.from({ length: p.cols }, (_, j) => j);
    return { colour, count: p.cols, members: membersOf(colour, p.cols) };
  }
  const colour = new Int32Array(p.cols).fill(-1);
  // taken[c] === j + 1: colour c is used by a neighbour of column j (a stamp instead of clearing).
  let taken = new Int32Array(16);
  let count = 0;
  for (let j = 0; j < p.cols; j++) {
    const rows = columnRows(p, j);
    for (const i of rows) {
      for (const k of rowColumns(p, i)) {
        const c = colour[k];
        if (c >= 0) taken[c] = j + 1;
      }
    }
    let c = 0;
    while (c < count && taken[c] === j + 1) c++;
    colour[j] = c;
    if (c === count) {
      count++;
      if (count > taken.length) {
        const grown = new Int32Array(2 * taken.length);
        grown.set(taken);
        taken = grown;
      }
    }
  }
  return { colour, count, members: membersOf(colour, count) };
}

/** The columns of each colour, ascending. */
function membersOf(colour: Int32Array, count: number): Int32Array[] {
  const sizes = new Int32Array(count);
  for (const c of colour) sizes[c]++;
  const members = Array.from(sizes, (s) => new Int32Array(s));
  const filled = new Int32Array(count);
  colour.forEach((c, j) => {
    members[c][filled[c]++] = j;
  });
  return members;
}

/**
 * Whether no two columns of one colour share a row: then each row sees at most one column of
 * each colour, and one perturbation per colour recovers the pattern. Returns the first clash.
 *
 * @example
 * clashOf(pattern, greedyColouring(pattern)); // undefined
 */
export function clashOf(p: Pattern, c: Colouring): { row: number; columns: [number, number] } | undefined {
  const seen = new Map<number, number>();
  for (let i = 0; i < p.rows; i++) {
    seen.clear();
    for (const j of rowColumns(p, i)) {
      const other = seen.get(c.colour[j]);
      if (other !== undefined) return { row: i, columns: [other, j] };
      seen.set(c.colour[j], j);
    }
  }
  return undefined;
}
