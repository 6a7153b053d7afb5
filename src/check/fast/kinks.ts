/**
 * Kinks in fast mode: a localised coordinate at a non-differentiable point, named from the
 * one-sided quotients of its own re-check, and the directions such kinks explain.
 */
import type { DirectionalMeasure } from '../../numeric/directions.js';
import { directionalKink } from '../../numeric/kinks.js';
import { scaleOf } from '../../numeric/groupTesting.js';
import { displayPath } from '../../numeric/tree.js';
import { agrees } from '../compare.js';
import type { KinkEntry } from '../report.js';
import { type DirectionResult, disagrees } from './directions.js';
import type { FastRun } from './run.js';

/**
 * A kink explains a direction when the shift its central differences take, ((left + right)/2 −
 * g)·dᵢ per kink, accounts for the direction's residual within its tolerance plus this fraction
 * of the kinks' half-gaps (the one-sided values are read off a ladder, good to about 1e-3).
 */
export const KINK_SHIFT_SLACK = 1e-3;

/**
 * Coordinate i (direction component `di`) at a kink, from the stencils of its Richardson
 * re-check (steps hᵢ and ≤ hᵢ/4) against f(θ) from the determinism probe: no extra calls of f.
 * Undefined when the measure has no such pair of stencils or the one-sided gap shrinks.
 *
 * @example
 * kinkAt(run, 2, recheck, 1, f0); // { path: '[2]', left: 0, right: 1, analytic: 0, matchesOneSide: true, … }
 */
export function kinkAt(run: FastRun, i: number, m: DirectionalMeasure, di: number, f0: number): KinkEntry | undefined {
  const stencils = m.stencils ?? [];
  const coarse = stencils[0];
  // A relative 1e-12 so that t/4 computed as t/2/2 still counts as a quarter of t.
  const fine = coarse && stencils.find((s) => s.t <= (coarse.t / 4) * (1 + 1e-12));
  if (!coarse || !fine) return undefined;
  const kink = directionalKink(f0, coarse, fine, di, run.settings.precision);
  if (!kink) return undefined;
  const { rtol, atol } = run.settings;
  const a = run.g[i];
  const matchesOneSide = agrees(a, kink.left, kink.leftError, rtol, atol) || agrees(a, kink.right, kink.rightError, rtol, atol);
  const path = displayPath(run.layout.pathAt(i));
  return { path, index: i, analytic: a, left: kink.left, right: kink.right, matchesOneSide };
}

/**
 * What the named kinks add to a direction's central difference: each is straddled, so it
 * contributes ((left + right)/2 − g)·dᵢ (`shift`), known to KINK_SHIFT_SLACK of its half-gap.
 *
 * @example
 * kinkShift(run, direction, kinks); // { shift: 0.5, slack: 5e-4 } for P5's kink at [2] (dᵢ = +1)
 */
export function kinkShift(
  run: FastRun,
  direction: DirectionResult,
  kinks: readonly KinkEntry[],
): { shift: number; slack: number } {
  let shift = 0;
  let slack = 0;
  for (const k of kinks) {
    const di = direction.signs[k.index] * Math.max(1, Math.abs(run.layout.values[k.index]));
    shift += ((k.left + k.right) / 2 - k.analytic) * di;
    slack += (Math.abs(k.left - k.right) / 2) * Math.abs(di) * KINK_SHIFT_SLACK;
  }
  return { shift, slack };
}

/**
 * Whether the named kinks alone explain a disagreeing direction: its residual less their
 * `kinkShift` is within the direction's own tolerance (plus the shift's slack).
 *
 * @example
 * explainedByKinks(run, direction, [{ index: 2, left: 0, right: 1, analytic: 0, … }]); // true for P5
 */
export function explainedByKinks(run: FastRun, direction: DirectionResult, kinks: readonly KinkEntry[]): boolean {
  const { shift, slack } = kinkShift(run, direction, kinks);
  const m = direction.measure;
  // The tolerance stays that of the measured direction (its scale), widened by the slack.
  const shifted = { ...m, numeric: m.numeric - shift, error: m.error + slack, scale: scaleOf(m) };
  return !disagrees(shifted, run.settings);
}
