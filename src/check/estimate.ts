import { type DifferenceSettings, firstPass } from '../numeric/differences.js';
import { recheckMethod } from '../numeric/methods/builtins.js';
import type { Domain } from '../numeric/domains.js';
import type { ScalarEvaluator } from '../numeric/evaluate.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import type { Measurement } from '../numeric/measure/protocol.js';
import type { TreeLayout } from '../numeric/tree.js';
import { agrees, tolerance } from './compare.js';
import { RECHECK_LEVELS, RECHECK_LIMIT, type RecheckOutcome, recheckSuspects } from './recheck.js';
import type { Settings } from './settings/types.js';

/** Calls `fn` for every compared entry: the sampled ones, or all. */
export type Visit = (fn: (i: number) => void) => void;

/** What the numerical side of a gradient check needs. @internal */
export interface EstimateContext {
  readonly evaluator: ScalarEvaluator<unknown>;
  readonly layout: TreeLayout;
  readonly settings: Settings;
  readonly domain: Domain | undefined;
  readonly adaptive: boolean;
  readonly indices: Int32Array | undefined;
  readonly visit: Visit;
  readonly caller: string;
}

/** The numerical gradient with an error estimate per entry, and what the re-check found. */
export interface NumericEstimate {
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  readonly recheck?: RecheckOutcome;
  /** Per entry: −1 / +1 where the stencil went one-sided at a bound, 0 otherwise. */
  readonly sides?: Int8Array;
}

/**
 * The numerical gradient, judged against the analytic one `a` as it goes: a first pass of
 * differences with a round-off estimate per entry, then a Richardson re-check of the entries it
 * cannot confirm (closest to passing first: those are the ones truncation error may explain),
 * and of the entries that weigh most when the global criterion misses.
 * @internal
 */
export function* estimateNumeric(ctx: EstimateContext, a: Float64Array): Measurement<NumericEstimate> {
  const { evaluator, layout, settings, domain, indices, visit, caller } = ctx;
  const method = resolveMethod(settings.method);
  const diff: DifferenceSettings = { method, step: settings.step, precision: settings.precision, domain };
  const partials = yield* firstPass(evaluator, layout, { ...diff, adaptive: ctx.adaptive }, caller, indices);
  const numeric = partials.values;
  // The first pass's error estimate: its quotient's round-off, or its own ladder's error.
  const errors = new Float64Array(layout.size).fill(Number.NaN);
  visit((i) => {
    errors[i] = partials.errors[i];
  });
  // A method that runs its own ladder was re-checked as it measured: no second look.
  if (!recheckMethod(method, RECHECK_LEVELS)) return { numeric, errors, sides: partials.sides };
  const { rtol, atol } = settings;
  const suspects: number[] = [];
  visit((i) => {
    if (!agrees(a[i], numeric[i], errors[i], rtol, atol)) suspects.push(i);
  });
  const excess = (i: number) => Math.abs(a[i] - numeric[i]) / (tolerance(a[i], numeric[i], rtol, atol) + errors[i]);
  suspects.sort((p, q) => excess(p) - excess(q));
  const chosen = suspects.slice(0, RECHECK_LIMIT);
  chosen.push(...globalSuspects(a, numeric, settings.maxRelativeDifference, new Set(chosen), visit));
  if (chosen.length === 0) return { numeric, errors, sides: partials.sides };
  const recheck = yield* recheckSuspects({ evaluator, layout, settings: diff, partials }, chosen);
  for (const [i, entry] of recheck.entries) {
    numeric[i] = entry.value;
    errors[i] = entry.error;
  }
  return { numeric, errors, recheck, sides: partials.sides };
}

/**
 * When the seed's global criterion ‖a − n‖/‖a + n‖ < maxRelativeDifference fails on the first
 * pass, truncation error in n may be what fails it (a cubic at step 1e-4 already gives ~5e-9):
 * the entries that weigh most in ‖a − n‖ are re-checked too, so the criterion judges the
 * gradient rather than the finite difference.
 */
function globalSuspects(
  a: Float64Array,
  numeric: Float64Array,
  maxRelativeDifference: number | undefined,
  already: ReadonlySet<number>,
  visit: Visit,
): number[] {
  if (maxRelativeDifference === undefined) return [];
  let diff2 = 0;
  let sum2 = 0;
  const candidates: number[] = [];
  visit((i) => {
    diff2 += (a[i] - numeric[i]) ** 2;
    sum2 += (a[i] + numeric[i]) ** 2;
    if (!already.has(i)) candidates.push(i);
  });
  if (Math.sqrt(diff2) < maxRelativeDifference * Math.sqrt(sum2)) return [];
  candidates.sort((p, q) => Math.abs(a[q] - numeric[q]) - Math.abs(a[p] - numeric[p]));
  return candidates.slice(0, RECHECK_LIMIT);
}
