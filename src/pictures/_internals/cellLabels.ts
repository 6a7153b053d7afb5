import type { HeatmapBox } from './heatmap.js';
import { text } from './svg.js';
import { MUTED, SMALL_SIZE, textWidth } from './theme.js';

/** Label steps, in cells: 1, 2, 5, 10, 20, 50, … so labels read as round numbers. */
function labelStep(cell: number, minSpacing: number): number {
  for (let base = 1; ; base *= 10) {
    for (const k of [1, 2, 5]) if (k * base * cell >= minSpacing) return k * base;
  }
}

/** Width the row labels need to the left of a grid. */
export function rowLabelWidth(box: Pick<HeatmapBox, 'grid'>): number {
  const widest = String(box.grid.rowLabel(Math.max(0, box.grid.rows - 1)));
  return box.grid.rows > 1 ? textWidth(widest, SMALL_SIZE) + 6 : 0;
}

/** Whether the grid gets column numbers (matrices, and a vector that fits one strip). */
export function hasColumnLabels(box: Pick<HeatmapBox, 'grid'>): boolean {
  return box.grid.cols > 1 && (box.grid.kind === 'matrix' || box.grid.rows === 1);
}

/**
 * Row numbers to the left of the grid and column numbers above it, every k-th so they do not
 * overlap (k = 1, 2, 5, 10, …). A blocked tensor's labels give the first row/column of each
 * block; a folded vector's row labels give the flat index each strip starts at.
 *
 * @example
 * cellLabels({ grid, x: 40, y: 80, cell: 20 }); // '<text …>0</text><text …>1</text>…'
 * @internal
 */
export function cellLabels(box: HeatmapBox): string {
  const { grid, x, y, cell } = box;
  const out: string[] = [];
  const attrs = { 'font-size': SMALL_SIZE, fill: MUTED };
  if (hasColumnLabels(box)) {
    const widest = textWidth(String(grid.colLabel(grid.cols - 1)), SMALL_SIZE);
    const step = labelStep(cell, widest + 4);
    for (let c = 0; c < grid.cols; c += step) {
      out.push(text(x + (c + 0.5) * cell, y - 3, String(grid.colLabel(c)), { ...attrs, 'text-anchor': 'middle' }));
    }
  }
  if (grid.rows > 1) {
    const step = labelStep(cell, SMALL_SIZE + 1);
    for (let r = 0; r < grid.rows; r += step) {
      out.push(
        text(x - 4, y + (r + 0.5) * cell + SMALL_SIZE * 0.35, String(grid.rowLabel(r)), { ...attrs, 'text-anchor': 'end' }),
      );
    }
  }
  return out.join('');
}
