/** Number formats and the aligned table of the worst entries. */

/** A value with 6 significant digits, plain for ordinary magnitudes, exponent otherwise. */
export function formatValue(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(6)));
  return x.toExponential(5).replace(/\.?0+e/, 'e');
}

/** An error size with 3 significant digits. */
export function formatError(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return '∞';
  if (x === 0) return '0';
  if (x >= 1e-3 && x < 1e4) return String(Number(x.toPrecision(3)));
  return x.toExponential(2);
}

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
