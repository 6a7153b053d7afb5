/** The aligned table of the worst entries. */

export { formatError, formatValue } from '../numeric/numberText.js';

/**
 * Rows under a header in aligned columns: the first column left-aligned, the rest
 * right-aligned. `paints[c]` colours column c after padding, so colour codes never skew widths.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  paints: readonly ((t: string) => string)[],
): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[], paint: boolean) =>
    cells
      .map((cell, c) => {
        const padded = c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]);
        return paint ? paints[c](padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(header, false), ...rows.map((r) => line(r, true))];
}
