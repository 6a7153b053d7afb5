/**
 * A sparsity pattern of an m×n matrix: which entries may be nonzero, stored both ways (the rows
 * of each column, the columns of each row) so that a colouring can ask "which columns share a
 * row with column j" without touching the m·n zeros.
 */

/** The nonzero structure of an m×n matrix, compressed by column and by row (indices ascending). */
export interface Pattern {
  readonly rows: number;
  readonly cols: number;
  /** Rows of column j: `rowIndex[colStart[j] … colStart[j + 1])`. */
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
  /** Columns of row i: `colIndex[rowStart[i] … rowStart[i + 1])`. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
}

/**
 * The pattern of the entries (i, j) of an m×n matrix for which `has(k)` holds, k = i·n + j
 * (row-major, as the checks store matrices). One pass over the m·n entries.
 *
 * @example
 * const p = patternWhere(2, 3, (k) => [1, 0, 0, 0, 1, 1][k] !== 0);
 * columnRows(p, 2); // Int32Array [1]
 */
export function patternWhere(rows: number, cols: number, has: (k: number) => boolean): Pattern {
  const rowStart = new Int32Array(rows + 1);
  const found: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0, k = i * cols; j < cols; j++, k++) if (has(k)) found.push(j);
    rowStart[i + 1] = found.length;
  }
  const colIndex = Int32Array.from(found);
  return { rows, cols, rowStart, colIndex, ...transposeIndex(rows, cols, rowStart, colIndex) };
}

/** The by-column index of a by-row one (counting sort: rows stay ascending within a column). */
function transposeIndex(
  rows: number,
  cols: number,
  rowStart: Int32Array,
  colIndex: Int32Array,
): { colStart: Int32Array; rowIndex: Int32Array } {
  const colStart = new Int32Array(cols + 1);
  for (const j of colIndex) colStart[j + 1]++;
  for (let j = 0; j < cols; j++) colStart[j + 1] += colStart[j];
  const next = colStart.slice(0, cols);
  const rowIndex = new Int32Array(colIndex.length);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]; k < rowStart[i + 1]; k++) rowIndex[next[colIndex[k]]++] = i;
  }
  return { colStart, rowIndex };
}

/**
 * The pattern of a square matrix made symmetric: (i, j) wherever (i, j) or (j, i) is in it —
 * what a Hessian's pattern must be, whichever triangle the analytic side filled.
 *
 * @example
 * symmetric(patternWhere(2, 2, (k) => k === 1)); // (0, 1) and (1, 0)
 */
export function symmetric(p: Pattern): Pattern {
  const n = p.rows;
  const marks = new Set<number>();
  for (let i = 0; i < n; i++) {
    for (let k = p.rowStart[i]; k < p.rowStart[i + 1]; k++) {
      const j = p.colIndex[k];
      marks.add(i * n + j).add(j * n + i);
    }
  }
  const sorted = Float64Array.from(marks).sort();
  const rowStart = new Int32Array(n + 1);
  const colIndex = new Int32Array(sorted.length);
  sorted.forEach((k, e) => {
    rowStart[Math.floor(k / n) + 1]++;
    colIndex[e] = k % n;
  });
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  return { rows: n, cols: n, rowStart, colIndex, ...transposeIndex(n, n, rowStart, colIndex) };
}

/**
 * The rows of column j (a view, ascending).
 *
 * @example
 * columnRows(patternWhere(2, 2, (k) => k !== 1), 0); // Int32Array [0, 1]
 */
export function columnRows(p: Pattern, j: number): Int32Array {
  return p.rowIndex.subarray(p.colStart[j], p.colStart[j + 1]);
}

/**
 * The columns of row i (a view, ascending).
 *
 * @example
 * rowColumns(patternWhere(2, 2, (k) => k !== 1), 0); // Int32Array [0]
 */
export function rowColumns(p: Pattern, i: number): Int32Array {
  return p.colIndex.subarray(p.rowStart[i], p.rowStart[i + 1]);
}

/**
 * Whether (i, j) is in the pattern (binary search in row i).
 *
 * @example
 * holds(patternWhere(2, 2, (k) => k === 1), 0, 1); // true
 */
export function holds(p: Pattern, i: number, j: number): boolean {
  return sortedHas(rowColumns(p, i), j);
}

/**
 * Whether an ascending list holds j (binary search).
 *
 * @example
 * sortedHas(Int32Array.of(1, 4, 9), 4); // true
 */
export function sortedHas(sorted: ArrayLike<number>, j: number): boolean {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === j) return true;
    if (sorted[mid] < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Entries in the pattern.
 *
 * @example
 * nonzeros(patternWhere(3, 3, (k) => k % 4 === 0)); // 3 (the diagonal)
 */
export function nonzeros(p: Pattern): number {
  return p.colIndex.length;
}

/**
 * The most entries any row holds: the directions of the probes move that many of a row's inputs.
 *
 * @example
 * widestRow(patternWhere(2, 3, (k) => k < 3)); // 3
 */
export function widestRow(p: Pattern): number {
  let widest = 0;
  for (let i = 0; i < p.rows; i++) widest = Math.max(widest, p.rowStart[i + 1] - p.rowStart[i]);
  return widest;
}
