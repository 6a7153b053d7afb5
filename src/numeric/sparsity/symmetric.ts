/**
 * A colouring for a symmetric matrix (a Hessian) that uses the symmetry where it pays: a few
 * dense columns are measured alone, and their rows are read off those columns (Hᵢⱼ = Hⱼᵢ), so
 * the other columns need not be kept apart in those rows. An arrowhead Hessian (a parameter
 * shared by every term of a separable loss) then takes 2 colours instead of n.
 */
import { type Colouring, greedyColouring } from './colouring.js';
import type { Pattern } from './pattern.js';

/** A colouring of a symmetric pattern, with the rows whose entries come from symmetry. */
export interface SymmetricColouring extends Colouring {
  /** Columns measured alone; their rows' other entries are their columns' entries, mirrored. */
  readonly mirrored: Int32Array;
}

/** Dense columns tried at most (1, 2, 4, … up to this many, densest first). */
export const MAX_MIRRORED = 64;

/**
 * The plain column colouring, or one with the k densest columns measured alone and mirrored
 * (k = 1, 2, 4, …), whichever takes fewest colours: symmetry is used only when it pays.
 *
 * @example
 * // An arrowhead: row and column 0 full, plus the diagonal.
 * symmetricColouring(patternWhere(5, 5, (k) => k < 5 || k % 5 === 0 || k % 6 === 0)).count; // 2
 */
export function symmetricColouring(p: Pattern): SymmetricColouring {
  const plain = greedyColouring(p);
  let best: SymmetricColouring = { ...plain, mirrored: new Int32Array(0) };
  const degree = (j: number) => p.colStart[j + 1] - p.colStart[j];
  const densest = Int32Array.from({ length: p.cols }, (_, j) => j).sort((a, b) => degree(b) - degree(a) || a - b);
  for (let k = 1; k <= Math.min(MAX_MIRRORED, p.cols - 1) && k < best.count; k *= 2) {
    const candidate = withMirrored(p, densest.slice(0, k));
    if (candidate.count < best.count) best = candidate;
  }
  return best;
}

/**
 * The columns outside `mirrored` coloured so that they stay apart in the other rows only, then
 * one colour for each mirrored column.
 */
function withMirrored(p: Pattern, mirrored: Int32Array): SymmetricColouring {
  const inMirrored = new Uint8Array(p.cols);
  for (const j of mirrored) inMirrored[j] = 1;
  const base = greedyColouring(withoutRowsAndColumns(p, inMirrored));
  // Renumber the colours the other columns use (a mirrored column sat in colour 0 there), then
  // append one colour per mirrored column.
  const renumber = new Map<number, number>();
  const colour = new Int32Array(p.cols);
  for (let j = 0; j < p.cols; j++) {
    if (inMirrored[j]) continue;
    const c = base.colour[j];
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    colour[j] = renumber.get(c) as number;
  }
  const sorted = Int32Array.from(mirrored).sort();
  sorted.forEach((j, k) => {
    colour[j] = renumber.size + k;
  });
  const count = renumber.size + sorted.length;
  const members = Array.from({ length: count }, () => [] as number[]);
  colour.forEach((c, j) => members[c].push(j));
  return { colour, count, members: members.map((m) => Int32Array.from(m)), mirrored: sorted };
}

/** The pattern with the marked rows and columns emptied (same shape). */
function withoutRowsAndColumns(p: Pattern, marked: Uint8Array): Pattern {
  const rowStart = new Int32Array(p.rows + 1);
  const kept: number[] = [];
  for (let i = 0; i < p.rows; i++) {
    if (!marked[i]) for (let e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) if (!marked[p.colIndex[e]]) kept.push(p.colIndex[e]);
    rowStart[i + 1] = kept.length;
  }
  const colIndex = Int32Array.from(kept);
  const colStart = new Int32Array(p.cols + 1);
  for (const j of colIndex) colStart[j + 1]++;
  for (let j = 0; j < p.cols; j++) colStart[j + 1] += colStart[j];
  const next = colStart.slice(0, p.cols);
  const rowIndex = new Int32Array(colIndex.length);
  for (let i = 0; i < p.rows; i++) for (let e = rowStart[i]; e < rowStart[i + 1]; e++) rowIndex[next[colIndex[e]]++] = i;
  return { rows: p.rows, cols: p.cols, rowStart, colIndex, colStart, rowIndex };
}

/**
 * Whether every entry of a symmetric pattern can be read off the colouring: (i, j) from row i of
 * j's colour when j is alone there, or from row j of i's colour when i is. Returns the first
 * entry that cannot be.
 *
 * @example
 * unrecoverableEntry(pattern, symmetricColouring(pattern)); // undefined
 */
export function unrecoverableEntry(p: Pattern, c: Colouring): [number, number] | undefined {
  const alone = (row: number, col: number) => {
    for (let e = p.rowStart[row]; e < p.rowStart[row + 1]; e++) {
      const k = p.colIndex[e];
      if (k !== col && c.colour[k] === c.colour[col]) return false;
    }
    return true;
  };
  for (let i = 0; i < p.rows; i++) {
    for (let e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
      const j = p.colIndex[e];
      if (!alone(i, j) && !alone(j, i)) return [i, j];
    }
  }
  return undefined;
}
