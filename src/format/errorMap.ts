import type { BlockInfo } from '../check/report.js';
import type { Paint } from './paint.js';

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

/** The wrong entries of each block, as local row-major indices. */
function wrongByBlock(blocks: readonly BlockInfo[], wrong: Iterable<number>, cols: number): Map<BlockInfo, Set<number>> {
  const out = new Map<BlockInfo, Set<number>>();
  for (const k of wrong) {
    const i = Math.floor(k / cols);
    const j = k % cols;
    const block = blocks.find(
      (b) => i >= b.rowOffset && i < b.rowOffset + b.rows && j >= b.colOffset && j < b.colOffset + b.cols,
    );
    if (!block) continue;
    let set = out.get(block);
    if (!set) out.set(block, (set = new Set()));
    set.add((i - block.rowOffset) * block.cols + (j - block.colOffset));
  }
  return out;
}

/**
 * One error map per block of a matrix check that holds a wrong entry (rows = that block's
 * outputs, columns = its inputs).
 *
 * @example
 * blockMaps(report.details.blocks, [3, 9], 5, PLAIN); // ['', 'Where ∂out/∂b (2×2) disagrees …', '  × ·', '  · ×']
 */
export function blockMaps(blocks: readonly BlockInfo[], wrong: Iterable<number>, cols: number, paint: Paint): string[] {
  const lines: string[] = [];
  for (const [block, set] of wrongByBlock(blocks, wrong, cols)) {
    lines.push('', ...renderErrorMap(block.name, block.rows, block.cols, set, paint));
  }
  return lines;
}

/**
 * `Wrong blocks: ∂out/∂b (3 of 3 entries), …` for a matrix of several blocks.
 *
 * @example
 * blockNote(report.details.blocks, wrong, n); // 'Wrong blocks: ∂out/∂b (2 of 4 entries).'
 */
export function blockNote(blocks: readonly BlockInfo[], wrong: Iterable<number>, cols: number): string | undefined {
  const byBlock = wrongByBlock(blocks, wrong, cols);
  if (byBlock.size === 0 || blocks.length < 2) return undefined;
  const parts = [...byBlock].map(([b, set]) => `${b.name} (${set.size} of ${b.rows * b.cols} entries)`);
  return `Wrong blocks: ${parts.join(', ')}.`;
}
