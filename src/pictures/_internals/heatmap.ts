import type { CellGrid } from './grid.js';
import { scoreColor } from './scores.js';
import { element, px } from './svg.js';

/** Where a grid of cells sits in the picture. */
export interface HeatmapBox {
  readonly grid: CellGrid;
  /** Top-left corner of cell (0, 0). */
  readonly x: number;
  readonly y: number;
  /** Side of one square cell, px. */
  readonly cell: number;
}

/** Cells at least this wide get white separating lines; below, lines would eat the colour. */
const GRID_LINES_FROM = 6;

/**
 * The centre of cell (r, c), in picture coordinates (what the pixel tests sample).
 *
 * @example
 * cellCenter({ grid, x: 40, y: 80, cell: 20 }, 1, 0); // { x: 50, y: 110 }
 * @internal
 */
export function cellCenter(box: HeatmapBox, r: number, c: number): { x: number; y: number } {
  return { x: box.x + (c + 0.5) * box.cell, y: box.y + (r + 0.5) * box.cell };
}

/** Runs of equal colour along each row become one rect: a correct gradient costs one rect a row. */
function cellRects(box: HeatmapBox, worst: Float64Array): string {
  const { grid, x, y, cell } = box;
  const out: string[] = [];
  for (let r = 0; r < grid.rows; r++) {
    let c = 0;
    while (c < grid.cols) {
      const score = worst[r * grid.cols + c];
      if (Number.isNaN(score)) {
        c++;
        continue;
      }
      const fill = scoreColor(score);
      let end = c + 1;
      while (end < grid.cols && !Number.isNaN(worst[r * grid.cols + end]) && scoreColor(worst[r * grid.cols + end]) === fill)
        end++;
      out.push(element('rect', { x: x + c * cell, y: y + r * cell, width: (end - c) * cell, height: cell, fill }));
      c = end;
    }
  }
  return out.join('');
}

function gridLines(box: HeatmapBox): string {
  const { grid, x, y, cell } = box;
  if (cell < GRID_LINES_FROM || grid.rows * grid.cols <= 1) return '';
  let d = '';
  for (let c = 1; c < grid.cols; c++) d += `M${px(x + c * cell)} ${px(y)}v${px(grid.rows * cell)}`;
  for (let r = 1; r < grid.rows; r++) d += `M${px(x)} ${px(y + r * cell)}h${px(grid.cols * cell)}`;
  return d === '' ? '' : element('path', { d, stroke: '#ffffff', 'stroke-width': 1, fill: 'none' });
}

/**
 * The cells of one tensor: each coloured by its worst entry's score, white lines between
 * cells when they are large enough, and a dark outline around the cells in `outlined` (fast
 * mode's localised coordinates, which would otherwise be a few specks in a grey field).
 *
 * @example
 * heatmapSvg({ grid, x: 40, y: 80, cell: 20 }, worstCells(grid, scores), new Set([3]));
 * @internal
 */
export function heatmapSvg(box: HeatmapBox, worst: Float64Array, outlined: ReadonlySet<number>): string {
  const marks: string[] = [];
  for (const k of outlined) {
    const r = Math.floor(k / box.grid.cols);
    const c = k % box.grid.cols;
    const inset = Math.min(1, box.cell / 6);
    marks.push(
      element('rect', {
        x: box.x + c * box.cell + inset,
        y: box.y + r * box.cell + inset,
        width: box.cell - 2 * inset,
        height: box.cell - 2 * inset,
        fill: 'none',
        stroke: '#111111',
        'stroke-width': Math.max(1, Math.min(2, box.cell / 6)),
      }),
    );
  }
  return cellRects(box, worst) + gridLines(box) + marks.join('');
}
