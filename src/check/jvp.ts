import { GradcheckError } from '../numeric/errors.js';
import { rowReading } from '../numeric/apply.js';
import { AT_THETA, type Measurement, evaluateOne } from '../numeric/measure/protocol.js';
import { describeMethod } from '../numeric/methods/describe.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { type Column, ownLadder, recheckLadder } from '../numeric/numericJacobian.js';
import { probeContext } from '../numeric/probe.js';
import { tangentLines } from '../numeric/tangents.js';
import { type Params, type TreeLayout, displayOutputPath } from '../numeric/tree.js';
import { VectorEvaluator, outputName } from '../numeric/vectorEvaluator.js';
import { tensorInfo } from './_internals/buildReport.js';
import { agrees, summarize } from './compare.js';
import { type Mutation, atThetaWhenNonFinite } from './guards/index.js';
import { differenceEvaluations, evaluationStage } from './timeAndProgress/index.js';
import { callUser } from './vectorValued/callUser.js';
import { groupsOfLayout, layerDiagnoses } from './vectorValued/diagnoses.js';
import { prepare } from './vectorValued/prepare.js';
import { type Probes, resolveProbes } from './vectorValued/probes.js';
import { readLike } from './vectorValued/read.js';
import { allProbes, worstPerEntry } from './vectorValued/perEntry.js';
import { fEvidence, layerReport } from './vectorValued/report.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LEVELS } from './recheck.js';
import { type CheckPlan, runPlan } from './_internals/run.js';
import { referenceOf } from './_internals/reference.js';
import type { ReportData } from './report.js';
import type { Settings } from './settings/types.js';

export { tangentStep } from '../numeric/tangents.js';

/** Random tangents drawn when `options.tangents` is not given. */
export const DEFAULT_TANGENTS = 3;

/** Options of `checkJvp` and `toHaveJvp`. */
export interface JvpOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * The tangents u to push forward: how many seeded random ones (standard normal entries, from
   * `seed`), one tangent shaped like θ, or an array of them. Each costs 2 calls of f.
   * @defaultValue 3
   */
  tangents?: number | Params | readonly Params[];
}

/** ẏ per tangent: analytic from jvp, numerical from differences along the tangent. */
interface Pushforwards {
  readonly analytic: readonly Float64Array[];
  readonly numeric: readonly Float64Array[];
  readonly errors: readonly Float64Array[];
}

/**
 * `checkJvp` with the caller's name for messages.
 * @internal
 */
export function jvpCheck(f: unknown, jvp: unknown, options: unknown, caller: string): ReportData {
  return runPlan(jvpPlan(f, jvp, options, caller));
}

/**
 * `checkJvp` as a plan: settings → f along each tangent by the settings' method (it tells the
 * output's structure) → jvp's pushforwards → per-entry verdicts (disagreeing outputs re-checked
 * on their tangent's ladder) → the layer checks' shared tail.
 * @internal
 */
export function jvpPlan(f: unknown, jvp: unknown, options: unknown, caller: string): CheckPlan {
  const { settings } = prepare(f, options, caller, 'jvp');
  if (typeof jvp !== 'function')
    throw new GradcheckError(`${caller}: jvp must be a function (θ, u) → ẏ, but got ${jvp === null ? 'null' : typeof jvp}`);
  const probes = tangents(settings);
  return { settings, measurement: jvpMeasurement(f as (theta: unknown) => unknown, jvp as () => unknown, settings, probes) };
}

function* jvpMeasurement(
  fn: (theta: unknown) => unknown,
  jvp: () => unknown,
  settings: Settings,
  probes: Probes,
): Measurement<ReportData> {
  const { layout, caller } = settings;
  const method = resolveMethod(settings.method);
  const plan = { total: differenceEvaluations(method, probes.flat.length), what: `JVP check of ${probes.flat.length} tangents` };
  const stage = evaluationStage(settings, plan);
  try {
    const evaluator = new VectorEvaluator(fn, caller, 'f', stage.hooks);
    const ctx = probeContext(evaluator, layout, settings.precision);
    // The numerical J u first: it tells the output's structure.
    const lines = yield* atThetaWhenNonFinite(tangentLines(ctx, method, probes.flat, settings.step), () =>
      evaluateOne(new VectorEvaluator(fn, caller), AT_THETA),
    );
    const out = evaluator.layout as TreeLayout;
    const { analytic, mutation } = yield* pushForward(jvp, probes, out, settings);
    const pushed = yield* numericPushforwards(lines, analytic, settings);
    const { numeric, errors } = pushed;
    const { mismatches, unresolved } = worstPerEntry(pushed, (i) => outputName(out, i), settings);
    return yield* layerReport({
      settings,
      check: 'jvp',
      ...(yield* fEvidence(evaluator, layout, out, stage.watch, { who: 'jvp', mutation })),
      analytic: analytic[0],
      numeric: numeric[0],
      errors: errors[0],
      mismatches,
      unresolved,
      summary: summarize(allProbes(analytic), allProbes(numeric)),
      size: out.size,
      checked: out.size,
      diagnose: () =>
        layerDiagnoses({
          settings,
          analytic: analytic[0],
          numeric: numeric[0],
          errors: errors[0],
          mismatches,
          unresolved,
          groups: groupsOfLayout(out, displayOutputPath),
        }),
      extras: {
        // The entries compared are f's outputs: their tensors are named as the table names them.
        tensors: out.tensors.map((t) => ({ ...tensorInfo(t), name: displayOutputPath(t.name) })),
        notes: [probeNote(probes, settings)],
        reference: referenceOf(settings, ' of f along each tangent (the step scaled per tangent)'),
      },
    });
  } finally {
    stage.end();
  }
}

/**
 * J u per tangent from its line's first sample (the method's own ladder), then the outputs
 * that disagree with jvp re-checked on the tangent's re-check ladder.
 */
function* numericPushforwards(
  lines: readonly Column[],
  analytic: readonly Float64Array[],
  settings: Settings,
): Measurement<Pushforwards> {
  const { precision, rtol, atol } = settings;
  const method = resolveMethod(settings.method);
  const numeric: Float64Array[] = [];
  const errors: Float64Array[] = [];
  for (const line of lines) {
    const a = analytic[line.index];
    const n = new Float64Array(a.length);
    const e = new Float64Array(a.length);
    const own = ownLadder(method, line);
    const recheck = recheckLadder(method, line, RECHECK_LEVELS);
    for (let i = 0; i < n.length; i++) {
      let est = yield* own.estimate(rowReading(i), precision);
      if (recheck && !agrees(a[i], est.value, est.error, rtol, atol)) est = yield* recheck.estimate(rowReading(i), precision);
      n[i] = est.value;
      e[i] = est.error;
    }
    numeric.push(n);
    errors.push(e);
  }
  return { analytic, numeric, errors };
}

/** The tangents: seeded random ones, or the user's; none may be all zeros. */
function tangents(settings: Settings): Probes {
  const probes = resolveProbes(settings.probes, settings.layout, DEFAULT_TANGENTS, settings.seed, settings.caller, 'tangents');
  probes.flat.forEach((u, k) => {
    if (u.every((v) => v === 0))
      throw new GradcheckError(
        `${settings.caller}: options.tangents${probes.flat.length > 1 ? `[${k}]` : ''} is all zeros; a tangent needs a direction`,
      );
  });
  return probes;
}

/** The analytic ẏ = jvp(θ, u) for every tangent, each from a private copy of θ. */
function* pushForward(
  jvp: () => unknown,
  probes: Probes,
  out: TreeLayout,
  settings: Settings,
): Measurement<{ analytic: Float64Array[]; mutation: Mutation | undefined }> {
  let mutation: Mutation | undefined;
  const many = probes.flat.length > 1;
  const analytic: Float64Array[] = [];
  for (let k = 0; k < probes.trees.length; k++) {
    const called = yield* callUser(jvp, settings.layout, settings.caller, 'jvp', [probes.trees[k]]);
    mutation ??= called.mutation;
    analytic.push(readLike(called.value, out, settings.caller, many ? `the jvp result for tangent ${k}` : 'the jvp result'));
  }
  return { analytic, mutation };
}

/** The note on what was compared, with the method that ran. */
function probeNote(probes: Probes, settings: Settings): string {
  const T = probes.flat.length;
  const which = probes.random
    ? `random tangent${T > 1 ? 's' : ''} u (standard normal entries, seed ${settings.seed})`
    : `given tangent${T > 1 ? 's' : ''}`;
  return `Compared ẏ = jvp(θ, u) with ${describeMethod(settings.method)} of t ↦ f(θ + t·u) for ${T} ${which}.`;
}
