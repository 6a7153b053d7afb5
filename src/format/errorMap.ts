import type { Paint } from './message.js';

/** Largest map drawn cell by cell; larger matrices are drawn in blocks. */
export const MAP_MAX_ROWS = 16;
export const MAP_MAX_COLS = 32;

/**
 * A small text picture of which entries of a rows×cols matrix disagree: `×` wrong, `·` right.
 * A matrix larger than MAP_MAX_ROWS×MAP_MAX_COLS is drawn in blocks, a block marked `×` when
 * any entry in it is wrong.
 *
 * @example
 * renderErrorMap('W', 2, 3, new Set([4]), PLAIN);
 * // ['Where W (2×3) disagrees (× wrong, · right):', '  · · ·', '  · × ·']
 */
export function renderErrorMap(name: string, rows: number, cols: number, wrong: ReadonlySet<number>, paint: Paint): string[] {
  const blockRows = Math.ceil(rows / MAP_MAX_ROWS);
  const blockCols = Math.ceil(cols / MAP_MAX_COLS);
  const cellRows = Math.ceil(rows / blockRows);
  const cellCols = Math.ceil(cols / blockCols);
  const marks: boolean[][] = Array.from({ length: cellRows }, () => new Array<boolean>(cellCols).fill(false));
  for (const k of wrong) {
    const r = Math.floor(k / cols);
    const c = k % cols;
    marks[Math.floor(r / blockRows)][Math.floor(c / blockCols)] = true;
  }
  const blocks = blockRows > 1 || blockCols > 1 ? `, each mark a block of ${blockRows}×${blockCols}` : '';
  return [
    `Where ${name} (${rows}×${cols}) disagrees (× wrong, · right${blocks}):`,
    ...marks.map((row) => `  ${row.map((bad) => (bad ? paint.received('×') : paint.dim('·'))).join(' ')}`),
  ];
}
