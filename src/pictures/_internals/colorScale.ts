/**
 * The colours of the heatmap. An entry's error is measured in units of its tolerance,
 * u = |a − n| / (atol + rtol·max(|a|, |n|) + errorEstimate): u ≤ 1 agrees and is drawn in one
 * cool colour (a correct gradient is one calm, uniform field), u > 1 runs on a log scale from a
 * light orange just above the tolerance to a dark red at 10⁴ tolerances and beyond, so an entry
 * off by a factor 2 and one off by a sign both stand out, and by different amounts.
 */

/** Entries that agree (u ≤ 1). */
export const AGREE_COLOR = '#cfe2f3';
/** Entries the check did not compare (fast mode, `sample`). */
export const NOT_COMPARED_COLOR = '#ececec';
/** Entries at a kink (non-differentiable point). */
export const KINK_COLOR = '#8e6bbf';
/** Entries the finite differences could not resolve. */
export const UNRESOLVED_COLOR = '#9aa5b1';

/** Decades of u the warm ramp spans: 10⁰ (at the tolerance) to 10⁴ (and beyond). */
export const RAMP_DECADES = 4;

/** Colour stops of the warm ramp, evenly spaced in log₁₀ u (ColorBrewer OrRd, colour-blind safe). */
const RAMP = ['#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#990000'];

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function hex([r, g, b]: readonly number[]): string {
  return `#${((1 << 24) | (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(b)).toString(16).slice(1)}`;
}

/**
 * The warm colour of u > 1 (values below 1 are clamped to 1, above 10⁴ to 10⁴; NaN and
 * Infinity, e.g. a NaN gradient entry, take the darkest red).
 *
 * @example
 * wrongColor(1);   // '#fdbb84'
 * wrongColor(1e4); // '#990000'
 * @internal
 */
export function wrongColor(u: number): string {
  if (!(u < Number.POSITIVE_INFINITY)) return RAMP[RAMP.length - 1];
  const t = Math.min(1, Math.max(0, Math.log10(Math.max(u, 1)) / RAMP_DECADES)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(t));
  const [a, b] = [rgb(RAMP[k]), rgb(RAMP[k + 1])];
  const f = t - k;
  return hex(a.map((x, i) => x + (b[i] - x) * f));
}

/**
 * Colour stops of the ramp, for the legend's gradient.
 *
 * @example
 * rampStops(); // [{ offset: 0, color: '#fdbb84' }, …]
 * @internal
 */
export function rampStops(): { offset: number; color: string }[] {
  return RAMP.map((color, k) => ({ offset: k / (RAMP.length - 1), color }));
}
