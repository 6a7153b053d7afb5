import type { PictureTensor } from '../input.js';
import { cellLabels, hasColumnLabels, rowLabelWidth } from './cellLabels.js';
import { type CellGrid, tensorGrid, worstCells } from './grid.js';
import { type HeatmapBox, heatmapSvg } from './heatmap.js';
import { AGREES, KINK, NOT_COMPARED, UNRESOLVED } from './scores.js';
import { element, text } from './svg.js';
import { BODY_SIZE, FAIL_INK, INK, MARGIN, MUTED, SMALL_SIZE, WIDTH, textWidth } from './theme.js';

/** Cell side limits, px: large enough to see one wrong entry, small enough that a 3×3 matrix is not a poster. */
const MAX_CELL = 28;
const MIN_CELL = 4;

/** A tensor's panel, placed: its SVG, its height and where its cells are. */
export interface Panel {
  readonly tensor: PictureTensor;
  readonly box: HeatmapBox;
  readonly svg: string;
  readonly height: number;
}

/** Counts of a tensor's entries by verdict. */
function counts(tensor: PictureTensor, scores: ArrayLike<number>) {
  const c = { wrong: 0, kinks: 0, unresolved: 0, notCompared: 0 };
  for (let i = tensor.offset; i < tensor.offset + tensor.size; i++) {
    const s = scores[i];
    if (s === NOT_COMPARED) c.notCompared++;
    else if (s === KINK) c.kinks++;
    else if (s === UNRESOLVED) c.unresolved++;
    else if (s !== AGREES) c.wrong++;
  }
  return c;
}

function shapeText(tensor: PictureTensor): string {
  return tensor.shape.length === 0 ? 'scalar' : tensor.shape.join('×');
}

function statusText(tensor: PictureTensor, scores: ArrayLike<number>, grid: CellGrid): string {
  const c = counts(tensor, scores);
  const parts: string[] = [];
  const compared = tensor.size - c.notCompared;
  if (compared === 0) parts.push('not compared');
  else if (c.wrong > 0) parts.push(`${c.wrong} of ${tensor.size} disagree`);
  else parts.push(c.notCompared > 0 ? `${compared} compared, all agree` : 'all agree');
  if (c.kinks > 0) parts.push(`${c.kinks} at a kink`);
  if (c.unresolved > 0) parts.push(`${c.unresolved} unresolved`);
  if (grid.blockRows * grid.blockCols > 1) {
    const block = grid.kind === 'matrix' ? `${grid.blockRows}×${grid.blockCols}` : String(grid.blockCols);
    parts.push(`each cell the worst of ${block} entries`);
  }
  return parts.join(' · ');
}

function flatToCell(grid: CellGrid, tensor: PictureTensor, flat: number): number {
  const k = flat - tensor.offset;
  if (grid.kind !== 'matrix') return Math.floor(k / grid.blockCols);
  const cols = tensor.shape[tensor.shape.length - 1];
  return Math.floor(Math.floor(k / cols) / grid.blockRows) * grid.cols + Math.floor((k % cols) / grid.blockCols);
}

/**
 * One tensor's panel at height `top`: a title line (name, shape, how many entries disagree),
 * row/column numbers, and the heatmap. `outlined` holds flat indices to outline (fast mode's
 * localised coordinates).
 *
 * @example
 * const panel = tensorPanel({ name: 'W1', shape: [3, 4], offset: 0, size: 12 }, scores, 60, new Set());
 * panel.height; // title + labels + 3 rows of cells
 * @internal
 */
export function tensorPanel(tensor: PictureTensor, scores: ArrayLike<number>, top: number, outlined: ReadonlySet<number>): Panel {
  const grid = tensorGrid(tensor);
  const gutter = Math.ceil(rowLabelWidth({ grid }) + MARGIN);
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((WIDTH - gutter - MARGIN) / Math.max(1, grid.cols))));
  const name = tensor.name === '' ? 'θ' : tensor.name;
  const label = `${name}  ${shapeText(tensor)}`;
  const status = statusText(tensor, scores, grid);
  // The status goes right-aligned on the title line, or on a line of its own when both do not fit.
  const ownLine = textWidth(label, BODY_SIZE) + textWidth(status, SMALL_SIZE + 1) + 16 > WIDTH - 2 * MARGIN;
  const titleY = top + BODY_SIZE + 4;
  const statusY = ownLine ? titleY + SMALL_SIZE + 6 : titleY;
  const gridTop = statusY + 6 + (hasColumnLabels({ grid }) ? SMALL_SIZE + 4 : 0);
  const box: HeatmapBox = { grid, x: gutter, y: gridTop, cell };
  const wrong = counts(tensor, scores).wrong > 0;
  const cells = new Set<number>();
  for (const i of outlined) if (i >= tensor.offset && i < tensor.offset + tensor.size) cells.add(flatToCell(grid, tensor, i));
  const statusAttrs = ownLine ? { x: MARGIN, 'text-anchor': 'start' } : { x: WIDTH - MARGIN, 'text-anchor': 'end' };
  const svg = element(
    'g',
    { class: 'tensor' },
    text(MARGIN, titleY, label, { 'font-size': BODY_SIZE, 'font-weight': 'bold', fill: INK, 'xml:space': 'preserve' }) +
      text(statusAttrs.x, statusY, status, {
        'font-size': SMALL_SIZE + 1,
        fill: wrong ? FAIL_INK : MUTED,
        'text-anchor': statusAttrs['text-anchor'],
      }) +
      cellLabels(box) +
      heatmapSvg(box, worstCells(grid, scores), cells),
  );
  return { tensor, box, svg, height: gridTop - top + grid.rows * cell + 10 };
}
