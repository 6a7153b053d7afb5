import { GradcheckError } from '../numeric/errors.js';
import { weightedReading } from '../numeric/apply.js';
import { AT_THETA, type Measurement, evaluateOne } from '../numeric/measure/protocol.js';
import { describeMethod } from '../numeric/methods/describe.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { type Column, columnsOf, ownLadder, recheckLadder } from '../numeric/numericJacobian.js';
import { probeContext } from '../numeric/probe.js';
import { type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { VectorEvaluator } from '../numeric/vectorEvaluator.js';
import { agrees, summarize } from './compare.js';
import { differenceEvaluations, evaluationStage, groupDigits } from './timeAndProgress/index.js';
import type { Mutation } from './guards/index.js';
import { callUser } from './vectorValued/callUser.js';
import { groupsOfLayout, layerDiagnoses } from './vectorValued/diagnoses.js';
import { prepare } from './vectorValued/prepare.js';
import { type Probes, resolveProbes } from './vectorValued/probes.js';
import { readLike } from './vectorValued/read.js';
import { allProbes, worstPerEntry } from './vectorValued/perEntry.js';
import { fEvidence, layerReport } from './vectorValued/report.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LEVELS, RECHECK_LIMIT } from './recheck.js';
import { type CheckPlan, runPlan } from './_internals/run.js';
import { referenceOf } from './_internals/reference.js';
import type { ReportData } from './report.js';
import type { Settings } from './settings/types.js';

/** Random cotangents drawn when `options.cotangents` is not given. */
export const DEFAULT_COTANGENTS = 3;

/** Options of `checkVjp` and `toHaveVjp`. */
export interface VjpOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * The cotangents ȳ to pull back: how many seeded random ones (standard normal entries, from
   * `seed`), one cotangent shaped like f's output, or an array of them. More cotangents cost
   * no extra calls of f, only calls of vjp.
   * @defaultValue 3
   */
  cotangents?: number | Params | readonly Params[];
}

/** θ̄ per cotangent: the analytic ones from vjp, the numerical Jᵀȳ with their error estimates. */
interface Pullbacks {
  readonly analytic: readonly Float64Array[];
  readonly numeric: readonly Float64Array[];
  readonly errors: readonly Float64Array[];
}

/**
 * `checkVjp` with the caller's name for messages.
 * @internal
 */
export function vjpCheck(f: unknown, vjp: unknown, options: unknown, caller: string): ReportData {
  return runPlan(vjpPlan(f, vjp, options, caller));
}

/**
 * `checkVjp` as a plan: f(θ) (its output's structure shapes the cotangents) → vjp's pullbacks →
 * Jᵀȳ from the columns of f by the settings' method (f(θ) shared), re-checked where a
 * cotangent disagrees → the layer checks' shared tail.
 * @internal
 */
export function vjpPlan(f: unknown, vjp: unknown, options: unknown, caller: string): CheckPlan {
  const { settings } = prepare(f, options, caller, 'vjp');
  if (typeof vjp !== 'function')
    throw new GradcheckError(`${caller}: vjp must be a function (θ, ȳ) → θ̄, but got ${vjp === null ? 'null' : typeof vjp}`);
  return { settings, measurement: vjpMeasurement(f as (theta: unknown) => unknown, vjp as () => unknown, settings) };
}

function* vjpMeasurement(fn: (theta: unknown) => unknown, vjp: () => unknown, settings: Settings): Measurement<ReportData> {
  const { layout, caller } = settings;
  const method = resolveMethod(settings.method);
  // f(θ), then the method's calls per entry of θ; f(θ) is shared by a grid with 0.
  const shared = method.offsets.includes(0) ? 0 : 1;
  const plan = {
    total: differenceEvaluations(method, layout.size) + shared,
    what: `VJP check of ${groupDigits(layout.size)} entries`,
  };
  const stage = evaluationStage(settings, plan);
  try {
    const evaluator = new VectorEvaluator(fn, caller, 'f', stage.hooks);
    const y0 = yield* evaluateOne(evaluator, AT_THETA);
    const out = evaluator.layout as TreeLayout;
    const probes = resolveProbes(settings.probes, out, DEFAULT_COTANGENTS, settings.seed, caller, 'cotangents');
    const { analytic, mutation } = yield* pullBack(vjp, probes, settings);
    const pulled = { analytic, ...(yield* numericPullbacks(evaluator, settings, probes, analytic, y0)) };
    const { mismatches, unresolved } = worstPerEntry(pulled, (j) => displayPath(layout.pathAt(j)), settings);
    return yield* layerReport({
      settings,
      check: 'vjp',
      ...(yield* fEvidence(evaluator, layout, out, stage.watch, { who: 'vjp', mutation })),
      first: y0,
      analytic: analytic[0],
      numeric: pulled.numeric[0],
      errors: pulled.errors[0],
      mismatches,
      unresolved,
      summary: summarize(allProbes(analytic), allProbes(pulled.numeric)),
      size: layout.size,
      checked: layout.size,
      diagnose: () =>
        layerDiagnoses({
          settings,
          analytic: analytic[0],
          numeric: pulled.numeric[0],
          errors: pulled.errors[0],
          mismatches,
          unresolved,
          groups: groupsOfLayout(layout),
          theta: layout.values,
        }),
      extras: {
        notes: [probeNote(probes, settings)],
        reference: referenceOf(settings, ' of f along each entry of θ, contracted with ȳ'),
      },
    });
  } finally {
    stage.end();
  }
}

/** The analytic θ̄ = vjp(θ, ȳ) for every cotangent, each from a private copy of θ. */
function* pullBack(
  vjp: () => unknown,
  probes: Probes,
  settings: Settings,
): Measurement<{ analytic: Float64Array[]; mutation: Mutation | undefined }> {
  const { layout, caller } = settings;
  const C = probes.flat.length;
  let mutation: Mutation | undefined;
  const analytic: Float64Array[] = [];
  for (let c = 0; c < C; c++) {
    const called = yield* callUser(vjp, layout, caller, 'vjp', [probes.trees[c]]);
    mutation ??= called.mutation;
    analytic.push(readLike(called.value, layout, caller, C > 1 ? `the vjp result for cotangent ${c}` : 'the vjp result'));
  }
  return { analytic, mutation };
}

/**
 * Jᵀȳ for every cotangent from the columns of f (one sample per column by the method, f(θ)
 * given), then the columns where some cotangent disagrees re-checked on their ladder.
 */
function* numericPullbacks(
  evaluator: VectorEvaluator,
  settings: Settings,
  probes: Probes,
  analytic: readonly Float64Array[],
  y0: Float64Array,
): Measurement<Omit<Pullbacks, 'analytic'>> {
  const { layout, precision, step, rtol, atol } = settings;
  const method = resolveMethod(settings.method);
  const n = layout.size;
  const numeric = probes.flat.map(() => new Float64Array(n));
  const errors = probes.flat.map(() => new Float64Array(n));
  const ctx = probeContext(evaluator, layout, precision);
  const columns = yield* columnsOf(ctx, method, step, settings.caller, { f0: y0 });
  const suspects: Column[] = [];
  for (const column of columns) {
    const j = column.index;
    const own = ownLadder(method, column);
    let suspect = false;
    for (let c = 0; c < probes.flat.length; c++) {
      const est = yield* own.estimate(weightedReading(probes.flat[c]), precision);
      numeric[c][j] = est.value;
      errors[c][j] = est.error;
      if (!agrees(analytic[c][j], est.value, est.error, rtol, atol)) suspect = true;
    }
    if (suspect) suspects.push(column);
  }
  for (const column of suspects.slice(0, RECHECK_LIMIT)) {
    const ladder = recheckLadder(method, column, RECHECK_LEVELS);
    for (let c = 0; ladder && c < probes.flat.length; c++) {
      const est = yield* ladder.estimate(weightedReading(probes.flat[c]), precision);
      numeric[c][column.index] = est.value;
      errors[c][column.index] = est.error;
    }
  }
  return { numeric, errors };
}

/** What was compared: the cotangents and where they came from. */
function probeNote(probes: Probes, settings: Settings): string {
  const C = probes.flat.length;
  const which = probes.random
    ? `random cotangent${C > 1 ? 's' : ''} ȳ (standard normal entries, seed ${settings.seed})`
    : `given cotangent${C > 1 ? 's' : ''}`;
  return `Compared θ̄ = vjp(θ, ȳ) with Jᵀȳ from ${describeMethod(settings.method)} of f for ${C} ${which}.`;
}
