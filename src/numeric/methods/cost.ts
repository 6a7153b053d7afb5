import type { FiniteDifferenceMethod } from './method.js';

/**
 * The cost model of a method: calls of f to measure `lines` lines with it — its non-zero
 * offsets per line (times the steps of its own ladder, `levels` when given: an adaptive one),
 * plus one shared f(θ) when the grid holds 0. Central: 2 per line; forward/backward: n + 1;
 * Richardson: 2 × 4 steps per line. A ladder may stop early once round-off grows: then this is
 * a bound (`atMost`).
 *
 * @example
 * methodCost(central, 9610); // { evaluations: 19220, atMost: false }
 */
export function methodCost(
  method: FiniteDifferenceMethod,
  lines: number,
  levels?: number,
): { readonly evaluations: number; readonly atMost: boolean } {
  const moved = method.offsets.filter((o) => o !== 0).length;
  const ladder = method.extrapolation;
  const steps = ladder ? (levels ?? ladder.levels) : 1;
  const shared = method.offsets.includes(0) ? 1 : 0;
  return { evaluations: moved * steps * lines + shared, atMost: ladder !== undefined };
}
