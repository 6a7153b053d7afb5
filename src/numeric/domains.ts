import { GradcheckError, formatNumber } from './errors.js';
import { type TreeLayout, displayPath } from './tree.js';

/** A closed interval [lo, hi] a parameter must stay in; ±Infinity for an open end. */
export type Interval = readonly [lo: number, hi: number];

/**
 * Where f is defined, per parameter: one interval for every entry of θ (`[0, Infinity]`), or
 * intervals keyed by leaf name or path (`{ sigma: [0, Infinity], 'layer.p': [0, 1], 'w[3]': [-1, 1] }`).
 * A key covers the leaf or entry with that path and everything below it; the longest key wins.
 */
export type Bounds = Interval | { readonly [path: string]: Interval };

/** Resolved bounds: one interval per flat entry of θ. */
export interface Domain {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Which stencil a coordinate uses: 0 central, +1 forward (θ … θ + h), −1 backward (θ − h … θ). */
export type Side = -1 | 0 | 1;

/** A stencil that fits inside the bounds. */
export interface Stencil {
  readonly side: Side;
  /** Half-width (central) or step (one-sided), never larger than the one requested. */
  readonly h: number;
}

function isInterval(value: unknown): value is Interval {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && !Number.isNaN(v));
}

function requireInterval(value: unknown, caller: string, what: string): Interval {
  if (!isInterval(value) || !(value[0] < value[1])) {
    throw new GradcheckError(
      `${caller}: ${what} must be an interval [lo, hi] with lo < hi (±Infinity for an open end), but got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Whether `path` is `key` or lies below it (`W1` covers `W1[2][0]`, `layer` covers `layer.bias[1]`). */
function covers(key: string, path: string): boolean {
  if (path === key) return true;
  if (key === '' || key === 'θ') return true;
  return path.startsWith(key) && (path[key.length] === '.' || path[key.length] === '[');
}

/**
 * Resolves `options.bounds` against θ's layout, checking that θ lies inside them. Returns
 * undefined when there are no bounds.
 *
 * @example
 * resolveBounds({ sigma: [0, Infinity] }, TreeLayout.of({ mu: 1, sigma: 0.5 }), 'checkGradient');
 * // { lower: [-Infinity, 0], upper: [Infinity, Infinity] }
 */
export function resolveBounds(bounds: unknown, layout: TreeLayout, caller: string): Domain | undefined {
  if (bounds === undefined) return undefined;
  const n = layout.size;
  const lower = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  if (Array.isArray(bounds)) {
    const [lo, hi] = requireInterval(bounds, caller, 'options.bounds');
    lower.fill(lo);
    upper.fill(hi);
  } else if (bounds !== null && typeof bounds === 'object') {
    const entries = Object.entries(bounds as Record<string, unknown>).map(([key, value]) => {
      return [key, requireInterval(value, caller, `options.bounds[${JSON.stringify(key)}]`)] as const;
    });
    // Longest key first, so that the most specific one decides.
    entries.sort((p, q) => q[0].length - p[0].length);
    for (let i = 0; i < n; i++) {
      const path = layout.pathAt(i);
      const match = entries.find(([key]) => covers(key, path));
      if (!match) continue;
      lower[i] = match[1][0];
      upper[i] = match[1][1];
    }
    const paths = layout.paths;
    const unknown = entries.find(([key]) => !paths.some((path) => covers(key, path)));
    if (unknown) {
      const names = layout.tensors.map((t) => displayPath(t.name)).join(', ');
      throw new GradcheckError(
        `${caller}: options.bounds names ${JSON.stringify(unknown[0])}, which is no parameter of θ (θ has ${names})`,
      );
    }
  } else {
    throw new GradcheckError(
      `${caller}: options.bounds must be an interval [lo, hi] or an object of intervals keyed by parameter path, but got ${String(bounds)}`,
    );
  }
  for (let i = 0; i < n; i++) {
    const x = layout.values[i];
    if (x < lower[i] || x > upper[i]) {
      throw new GradcheckError(
        `${caller}: ${displayPath(layout.pathAt(i))} = ${formatNumber(x)} lies outside its bounds [${formatNumber(lower[i])}, ${formatNumber(upper[i])}]`,
      );
    }
  }
  return { lower, upper };
}

/**
 * The stencil for entry i at x with requested step h: central when x ± h fits inside the
 * bounds; otherwise one-sided toward the room (forward at a lower bound, backward at an upper
 * one), and when even that does not fit, the step shrinks to the room there is. `prefer` asks
 * for a one-sided stencil (methods 'forward' / 'backward'); it is honoured when it fits.
 *
 * @example
 * stencil({ lower: Float64Array.of(0), upper: Float64Array.of(Infinity) }, 0, 0, 1e-4); // { side: 1, h: 1e-4 }
 */
export function stencil(domain: Domain | undefined, i: number, x: number, h: number, prefer: Side = 0): Stencil {
  if (!domain) return { side: prefer, h };
  const below = x - domain.lower[i];
  const above = domain.upper[i] - x;
  if (prefer === 0 && below >= h && above >= h) return { side: 0, h };
  if (prefer === 1 && above >= h) return { side: 1, h };
  if (prefer === -1 && below >= h) return { side: -1, h };
  if (above >= h) return { side: 1, h };
  if (below >= h) return { side: -1, h };
  return above >= below ? { side: 1, h: above } : { side: -1, h: below };
}

/**
 * Whether x lies inside the bounds of entry i (always, without bounds).
 * @example
 * inside({ lower: Float64Array.of(0), upper: Float64Array.of(1) }, 0, 1.5); // false
 */
export function inside(domain: Domain | undefined, i: number, x: number): boolean {
  return !domain || (x >= domain.lower[i] && x <= domain.upper[i]);
}
