/**
 * Lines through θ, on which a method is applied: f(θ + s·v) as a function of s, for v a
 * coordinate axis or a direction. Built on the probe primitive.
 */
import { type ProbeContext, probe, probeCoordinate } from './probe.js';

/** f restricted to a line through θ. */
export interface Line<R> {
  /** f with θ moved by s along the line, and the s actually taken (float32 rounding, bounds). */
  at(s: number): { readonly value: R; readonly s: number };
  /** f(θ) itself, evaluated at most once and shared. */
  center(): R;
}

/**
 * The line along coordinate i: s is the displacement of θᵢ.
 *
 * @example
 * coordinateLine(ctx, 3, sharedCenter(ctx)).at(1e-4).value; // f(θ + 1e-4·e₃)
 */
export function coordinateLine<R>(ctx: ProbeContext<R>, i: number, center: () => R): Line<R> {
  return {
    at: (s) => {
      const p = probeCoordinate(ctx, i, s);
      return { value: p.value, s: p.delta };
    },
    center,
  };
}

/**
 * The line along a direction d restricted to `support`: θ + s·d; `taken(i, delta)` hears the
 * displacement actually stored per entry (for an analytic projection on it).
 *
 * @example
 * directionLine(ctx, all, (i) => d[i], 'tangent 0', sharedCenter(ctx)).at(1e-6).value; // f(θ + 1e-6·d)
 */
export function directionLine<R>(
  ctx: ProbeContext<R>,
  support: ArrayLike<number>,
  component: (i: number) => number,
  label: string,
  center: () => R,
  taken?: (i: number, delta: number, s: number) => void,
): Line<R> {
  return {
    at: (s) => {
      const value = probe(ctx, {
        support,
        delta: (i) => s * component(i),
        site: { path: `θ along ${label}`, delta: s },
        taken: taken ? (i, delta) => taken(i, delta, s) : undefined,
      });
      return { value, s };
    },
    center,
  };
}
