/**
 * Lines through θ, on which a method is applied: f(θ + s·v) as a function of s, for v a
 * coordinate axis or a direction. A line names its points; the measurement asks for them.
 */
import type { Measurement, Point } from './measure/protocol.js';
import { type ProbeContext, place, pointOf } from './probe.js';

/** f restricted to a line through θ. */
export interface Line<R> {
  /** The point θ + s·v, and the s actually taken (float32 rounding, bounds). */
  at(s: number): { readonly point: Point; readonly s: number };
  /** f(θ) itself, evaluated at most once and shared. */
  center(): Measurement<R>;
  /** What is evaluated on the line. */
  readonly ctx: ProbeContext<R>;
}

/**
 * The line along coordinate i: s is the displacement of θᵢ.
 *
 * @example
 * coordinateLine(ctx, 3, sharedCenter(ctx)).at(1e-4).point; // θ + 1e-4·e₃
 */
export function coordinateLine<R>(ctx: ProbeContext<R>, i: number, center: () => Measurement<R>): Line<R> {
  const x = ctx.layout.values[i];
  return {
    // One entry moved: a point of two one-element arrays, its site named only when asked for.
    at: (s) => {
      const v = place(ctx.layout, i, x + s, ctx.precision, ctx.domain);
      const taken = v - x;
      return { point: { indices: [i], values: [v], site: () => ({ path: ctx.layout.pathAt(i), delta: taken }) }, s: taken };
    },
    center,
    ctx,
  };
}

/**
 * The line along a direction d restricted to `support`: θ + s·d; `taken(i, delta, s)` hears
 * the displacement actually stored per entry (for an analytic projection on it).
 *
 * @example
 * directionLine(ctx, all, (i) => d[i], 'tangent 0', sharedCenter(ctx)).at(1e-6).point; // θ + 1e-6·d
 */
export function directionLine<R>(
  ctx: ProbeContext<R>,
  support: ArrayLike<number>,
  component: (i: number) => number,
  label: string,
  center: () => Measurement<R>,
  taken?: (i: number, delta: number, s: number) => void,
): Line<R> {
  return {
    at: (s) => {
      const { point } = pointOf(ctx, {
        support,
        delta: (i) => s * component(i),
        site: { path: `θ along ${label}`, delta: s },
        taken: taken ? (i, delta) => taken(i, delta, s) : undefined,
      });
      return { point, s };
    },
    center,
    ctx,
  };
}
