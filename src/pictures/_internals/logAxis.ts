import { element, text } from './svg.js';
import { MUTED, SMALL_SIZE } from './theme.js';

/** A log₁₀ scale from a data range onto a pixel range, with ticks at powers of ten. */
export interface LogScale {
  /** Pixel position of a (positive) value. */
  map(value: number): number;
  /** Exponents of the ticks (10^k). */
  readonly ticks: readonly number[];
  /** The domain, as exponents: whole decades around the data. */
  readonly lo: number;
  readonly hi: number;
}

/** At most this many labelled ticks per axis; more decades get a tick every 2nd, 5th, … one. */
const MAX_TICKS = 7;

/**
 * A log scale covering `values` (non-positive and non-finite ones ignored) in whole decades,
 * mapping 10^lo → `from` and 10^hi → `to` (give from > to for a y axis).
 *
 * @example
 * logScale([1e-3, 0.1], 0, 100).map(1e-2); // 50
 * @internal
 */
export function logScale(values: readonly number[], from: number, to: number): LogScale {
  const logs = values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);
  let lo = logs.length > 0 ? Math.floor(Math.min(...logs)) : -1;
  let hi = logs.length > 0 ? Math.ceil(Math.max(...logs)) : 0;
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const every = [1, 2, 3, 5, 10].find((k) => (hi - lo) / k < MAX_TICKS) ?? Math.ceil((hi - lo) / MAX_TICKS);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / every) * every; k <= hi; k += every) ticks.push(k);
  return { map: (v) => from + ((Math.log10(v) - lo) / (hi - lo)) * (to - from), ticks, lo, hi };
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

/**
 * 10^k written as people write it.
 *
 * @example
 * powerOfTen(-3); // '10⁻³'
 * @internal
 */
export function powerOfTen(k: number): string {
  if (k === 0) return '1';
  if (k === 1) return '10';
  return `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** The plot's rectangle, px. */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Log-log axes: a frame, faint grid lines and labels at the ticks, and the axis titles.
 *
 * @example
 * logAxes(box, logScale(steps, box.left, box.right), logScale(residuals, box.bottom, box.top), 'step h', 'residual r(h)');
 * @internal
 */
export function logAxes(box: PlotBox, x: LogScale, y: LogScale, xTitle: string, yTitle: string): string {
  const out: string[] = [];
  const faint = { stroke: '#e6e9ed', 'stroke-width': 1 };
  const small = { 'font-size': SMALL_SIZE, fill: MUTED };
  for (const k of x.ticks) {
    const px = x.map(10 ** k);
    out.push(element('path', { d: `M${px} ${box.top}V${box.bottom}`, ...faint }));
    out.push(text(px, box.bottom + SMALL_SIZE + 5, powerOfTen(k), { ...small, 'text-anchor': 'middle' }));
  }
  for (const k of y.ticks) {
    const py = y.map(10 ** k);
    out.push(element('path', { d: `M${box.left} ${py}H${box.right}`, ...faint }));
    out.push(text(box.left - 5, py + SMALL_SIZE * 0.35, powerOfTen(k), { ...small, 'text-anchor': 'end' }));
  }
  out.push(
    element('rect', {
      x: box.left,
      y: box.top,
      width: box.right - box.left,
      height: box.bottom - box.top,
      fill: 'none',
      stroke: MUTED,
      'stroke-width': 1,
    }),
  );
  out.push(
    text((box.left + box.right) / 2, box.bottom + 2 * SMALL_SIZE + 10, xTitle, {
      ...small,
      'text-anchor': 'middle',
      'font-size': SMALL_SIZE + 1,
    }),
  );
  const cy = (box.top + box.bottom) / 2;
  out.push(
    text(14, cy, yTitle, { ...small, 'font-size': SMALL_SIZE + 1, 'text-anchor': 'middle', transform: `rotate(-90 14 ${cy})` }),
  );
  return out.join('');
}
