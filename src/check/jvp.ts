import { GradcheckError } from '../numeric/errors.js';
import { type StencilSequence, stencilRoundoff } from '../numeric/numericJacobian.js';
import { tangentSequence } from '../numeric/tangents.js';
import type { Params, TreeLayout } from '../numeric/tree.js';
import { VectorEvaluator, outputName } from '../numeric/vectorEvaluator.js';
import { tensorInfo } from './buildReport.js';
import { agrees, summarize } from './compare.js';
import { guardNonFinite, type Mutation } from './guards/index.js';
import { evaluationStage } from './evaluation/index.js';
import { callUser } from './layer/callUser.js';
import { groupsOfLayout, layerDiagnoses } from './layer/diagnoses.js';
import { prepare } from './layer/prepare.js';
import { type Probes, resolveProbes } from './layer/probes.js';
import { readLike } from './layer/read.js';
import { allProbes, worstPerEntry } from './layer/perEntry.js';
import { fEvidence, layerReport } from './layer/report.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LEVELS } from './recheck.js';
import type { ReportData } from './report.js';
import { extrapolates } from './settings/resolve.js';
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
 * `checkJvp` with the caller's name for messages: settings → the tangents → central
 * differences of f along each (2 calls per tangent) → the analytic ẏ = jvp(θ, u) → re-checks
 * of the outputs that disagree → one verdict per output (its worst tangent) → the layer
 * checks' shared guards, diagnoses and report.
 *
 * @example
 * jvpCheck(f, jvp, { at: θ, tangents: 2 }, 'toHaveJvp').pass;
 * @internal
 */
export function jvpCheck(f: unknown, jvp: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'jvp');
  if (typeof jvp !== 'function')
    throw new GradcheckError(`${caller}: jvp must be a function (θ, u) → ẏ, but got ${jvp === null ? 'null' : typeof jvp}`);
  const probes = tangents(settings);
  const fn = f as (theta: unknown) => unknown;
  // 2 calls per tangent, through the evaluation stage; the report stage ends it.
  const plan = { total: 2 * probes.flat.length, what: `JVP check of ${probes.flat.length} tangents` };
  const { f: staged, watch } = evaluationStage(fn, settings, plan);
  const evaluator = new VectorEvaluator(staged, caller);
  const copy = layout.workingCopy();
  const sequences = probes.flat.map((u, k) =>
    tangentSequence(evaluator, layout, copy, settings.precision, u, settings.step, `tangent ${k}`),
  );
  // The numerical J u first: it tells the output's structure.
  const first = guardNonFinite(
    () => sequences.map((seq) => seq.level(0)),
    () => new VectorEvaluator(fn, caller).call(layout.workingCopy().root(), {}),
  );
  const out = evaluator.layout as TreeLayout;
  const { analytic, mutation } = pushForward(jvp as () => unknown, probes, out, settings);
  const numeric = first.map((s) =>
    Float64Array.from({ length: out.size }, (_, i) => (s.plus[i] - s.minus[i]) / (2 * s.halfWidth)),
  );
  const errors = first.map((s) =>
    Float64Array.from({ length: out.size }, (_, i) => stencilRoundoff(s, settings.precision, undefined, i)),
  );
  const pushed = { analytic, numeric, errors };
  recheck(pushed, sequences, settings);
  const { mismatches, unresolved } = worstPerEntry(pushed, (i) => outputName(out, i), settings);
  return layerReport({
    settings,
    check: 'jvp',
    ...fEvidence(evaluator, layout, copy, out, watch, { who: 'jvp', mutation }),
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
        groups: groupsOfLayout(out),
      }),
    extras: { tensors: out.tensors.map(tensorInfo), notes: [probeNote(probes, settings)], reference: referenceText(settings) },
  });
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
function pushForward(
  jvp: () => unknown,
  probes: Probes,
  out: TreeLayout,
  settings: Settings,
): { analytic: Float64Array[]; mutation: Mutation | undefined } {
  let mutation: Mutation | undefined;
  const many = probes.flat.length > 1;
  const analytic = probes.trees.map((u, k) => {
    const called = callUser(jvp, settings.layout, settings.caller, 'jvp', [u]);
    mutation ??= called.mutation;
    return readLike(called.value, out, settings.caller, many ? `the jvp result for tangent ${k}` : 'the jvp result');
  });
  return { analytic, mutation };
}

/** Extrapolates the outputs that disagree (every output with an extrapolating method). */
function recheck(p: Pushforwards, sequences: readonly StencilSequence[], settings: Settings): void {
  const { precision, rtol, atol } = settings;
  const all = extrapolates(settings);
  sequences.forEach((seq, k) => {
    const [a, n, e] = [p.analytic[k], p.numeric[k] as Float64Array, p.errors[k] as Float64Array];
    for (let i = 0; i < n.length; i++) {
      if (!all && agrees(a[i], n[i], e[i], rtol, atol)) continue;
      const est = seq.extrapolate(precision, { row: i }, all ? undefined : RECHECK_LEVELS);
      n[i] = est.value;
      e[i] = est.error;
    }
  });
}

function probeNote(probes: Probes, settings: Settings): string {
  const T = probes.flat.length;
  const which = probes.random
    ? `random tangent${T > 1 ? 's' : ''} u (standard normal entries, seed ${settings.seed})`
    : `given tangent${T > 1 ? 's' : ''}`;
  return `Compared ẏ = jvp(θ, u) with (f(θ + t·u) − f(θ − t·u)) / 2t for ${T} ${which}.`;
}

function referenceText(settings: Settings): string {
  return `directional central differences along each tangent (step ${settings.step}·max(1, |θᵢ|) per coordinate, ${settings.precision})`;
}
