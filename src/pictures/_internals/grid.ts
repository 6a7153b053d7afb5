import type { PictureTensor } from '../input.js';

/**
 * How a tensor is laid out as cells: matrices (and deeper tensors, as rows × last axis) keep
 * their rows and columns; vectors are strips, folded into rows of STRIP_WIDTH cells; a tensor
 * with more than MAX_AXIS rows or columns of cells is aggregated into blocks, each cell showing
 * its worst entry. At most MAX_AXIS² = 4096 cells per tensor, so the picture's size is bounded
 * whatever θ's, and a cell stays at least ~8 px wide at the 600 px Vitest UI shows.
 */
export const MAX_AXIS = 64;
/** Cells per row of a folded vector. */
export const STRIP_WIDTH = 64;

/** A tensor as a grid of cells. */
export interface CellGrid {
  readonly kind: 'scalar' | 'vector' | 'matrix';
  /** Rows and columns of cells drawn. */
  readonly rows: number;
  readonly cols: number;
  /** Entries each cell covers along rows and columns (vectors: entries per cell in `blockCols`). */
  readonly blockRows: number;
  readonly blockCols: number;
  /** Row label of cell row r: the tensor row (matrix) or flat entry (vector) it starts at. */
  rowLabel(r: number): number;
  /** Column label of cell column c: the tensor column (matrix) or entry within the strip row (vector). */
  colLabel(c: number): number;
  /** Calls `visit` with the flat index of every entry in cell (r, c); nothing for cells past a vector's end. */
  forEachEntry(r: number, c: number, visit: (flat: number) => void): void;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

function matrixGrid(tensor: PictureTensor, rows: number, cols: number): CellGrid {
  const blockRows = ceilDiv(rows, MAX_AXIS);
  const blockCols = ceilDiv(cols, MAX_AXIS);
  return {
    kind: 'matrix',
    rows: ceilDiv(rows, blockRows),
    cols: ceilDiv(cols, blockCols),
    blockRows,
    blockCols,
    rowLabel: (r) => r * blockRows,
    colLabel: (c) => c * blockCols,
    forEachEntry(r, c, visit) {
      for (let i = r * blockRows; i < Math.min(rows, (r + 1) * blockRows); i++) {
        for (let j = c * blockCols; j < Math.min(cols, (c + 1) * blockCols); j++) visit(tensor.offset + i * cols + j);
      }
    },
  };
}

function vectorGrid(tensor: PictureTensor, n: number): CellGrid {
  // Aggregate runs of consecutive entries first, then fold the runs into strips: a block
  // then holds neighbours in flat order, which is what a vector's index means.
  const run = Math.max(1, ceilDiv(n, MAX_AXIS * STRIP_WIDTH));
  const cells = ceilDiv(n, run);
  const cols = Math.min(cells, STRIP_WIDTH);
  return {
    kind: n === 1 && tensor.shape.length === 0 ? 'scalar' : 'vector',
    rows: cols === 0 ? 0 : ceilDiv(cells, cols),
    cols,
    blockRows: 1,
    blockCols: run,
    rowLabel: (r) => r * cols * run,
    colLabel: (c) => c * run,
    forEachEntry(r, c, visit) {
      const start = (r * cols + c) * run;
      for (let k = start; k < Math.min(n, start + run); k++) visit(tensor.offset + k);
    },
  };
}

/**
 * The cell grid of a tensor.
 *
 * @example
 * tensorGrid({ name: 'W', shape: [3, 4], offset: 0, size: 12 }).cols;        // 4
 * tensorGrid({ name: 'b', shape: [100000], offset: 0, size: 100000 }).rows;  // 63 (blocks of 25 entries)
 * @internal
 */
export function tensorGrid(tensor: PictureTensor): CellGrid {
  const { shape, size } = tensor;
  if (shape.length >= 2 && size > 0) {
    const cols = shape[shape.length - 1];
    return matrixGrid(tensor, size / cols, cols);
  }
  return vectorGrid(tensor, Math.max(size, 0));
}

/**
 * Per cell, the score of its worst entry (row-major; NaN for cells without entries).
 *
 * @example
 * worstCells(tensorGrid(tensor), scores); // Float64Array of grid.rows × grid.cols
 * @internal
 */
export function worstCells(grid: CellGrid, scores: ArrayLike<number>): Float64Array {
  const out = new Float64Array(grid.rows * grid.cols).fill(Number.NaN);
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      let worst = Number.NaN;
      grid.forEachEntry(r, c, (i) => {
        const s = scores[i];
        if (!(s <= worst)) worst = s;
      });
      out[r * grid.cols + c] = worst;
    }
  }
  return out;
}
