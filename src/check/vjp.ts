import { GradcheckError } from '../numeric/errors.js';
import { central } from '../numeric/methods/builtins.js';
import { type Column, type Stencil, coordinateSequence, scanColumns, stencilRoundoff } from '../numeric/numericJacobian.js';
import { scaledStep } from '../numeric/precision.js';
import { type Params, type TreeLayout, type WorkingCopy, displayPath } from '../numeric/tree.js';
import { VectorEvaluator } from '../numeric/vectorEvaluator.js';
import { agrees, summarize } from './compare.js';
import { evaluationStage, groupDigits } from './evaluation/index.js';
import type { Mutation } from './guards/index.js';
import { callUser } from './layer/callUser.js';
import { groupsOfLayout, layerDiagnoses } from './layer/diagnoses.js';
import { prepare } from './layer/prepare.js';
import { type Probes, resolveProbes } from './layer/probes.js';
import { readLike } from './layer/read.js';
import { allProbes, worstPerEntry } from './layer/perEntry.js';
import { fEvidence, layerReport } from './layer/report.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LEVELS, RECHECK_LIMIT } from './recheck.js';
import type { ReportData } from './report.js';
import { extrapolates } from './settings/resolve.js';
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
 * `checkVjp` with the caller's name for messages: settings → f(θ) and the cotangents → the
 * analytic θ̄ = vjp(θ, ȳ) → the numerical Jᵀȳ column by column → one verdict per entry of θ̄
 * (its worst cotangent) → the layer checks' shared guards, diagnoses and report.
 *
 * @example
 * vjpCheck(forward, backward, { at: { x, W, b } }, 'toHaveVjp').pass;
 * @internal
 */
export function vjpCheck(f: unknown, vjp: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'vjp');
  if (typeof vjp !== 'function')
    throw new GradcheckError(`${caller}: vjp must be a function (θ, ȳ) → θ̄, but got ${vjp === null ? 'null' : typeof vjp}`);
  const fn = f as (theta: unknown) => unknown;
  // f(θ), then 2 calls per entry of θ (central), through the evaluation stage; the report stage ends it.
  const plan = { total: 2 * layout.size + 1, what: `VJP check of ${groupDigits(layout.size)} entries` };
  const { f: staged, watch } = evaluationStage(fn, settings, plan);
  const evaluator = new VectorEvaluator(staged, caller);
  const copy = layout.workingCopy();
  const y0 = evaluator.call(copy.root(), {});
  const out = evaluator.layout as TreeLayout;
  const probes = resolveProbes(settings.probes, out, DEFAULT_COTANGENTS, settings.seed, caller, 'cotangents');
  const { analytic, mutation } = pullBack(vjp as () => unknown, probes, settings);
  const pulled = { analytic, ...numericPullbacks(evaluator, copy, settings, probes, analytic, y0) };
  const { mismatches, unresolved } = worstPerEntry(pulled, (j) => displayPath(layout.pathAt(j)), settings);
  return layerReport({
    settings,
    check: 'vjp',
    ...fEvidence(evaluator, layout, copy, out, watch, { who: 'vjp', mutation }),
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
    extras: { notes: [probeNote(probes, settings)] },
  });
}

/** The analytic θ̄ = vjp(θ, ȳ) for every cotangent, each from a private copy of θ. */
function pullBack(
  vjp: () => unknown,
  probes: Probes,
  settings: Settings,
): { analytic: Float64Array[]; mutation: Mutation | undefined } {
  const { layout, caller } = settings;
  const C = probes.flat.length;
  let mutation: Mutation | undefined;
  const analytic = probes.trees.map((yBar, c) => {
    const called = callUser(vjp, layout, caller, 'vjp', [yBar]);
    mutation ??= called.mutation;
    return readLike(called.value, layout, caller, C > 1 ? `the vjp result for cotangent ${c}` : 'the vjp result');
  });
  return { analytic, mutation };
}

/** ⟨w, (plus − minus)⟩ / 2h: one column of the Jacobian contracted with a cotangent. */
function contract(s: Stencil, w: Float64Array): number {
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < w.length; i++) {
    plus += w[i] * s.plus[i];
    minus += w[i] * s.minus[i];
  }
  return (plus - minus) / (2 * s.halfWidth);
}

/**
 * The numerical Jᵀȳ for every cotangent: one pass of columns (2n calls of f, shared by all
 * cotangents), then an extrapolated re-check of the columns where some cotangent disagrees
 * (every column with an extrapolating method).
 */
function numericPullbacks(
  evaluator: VectorEvaluator,
  copy: WorkingCopy,
  settings: Settings,
  probes: Probes,
  analytic: readonly Float64Array[],
  y0: Float64Array,
): Omit<Pullbacks, 'analytic'> {
  const { layout, precision, step, rtol, atol } = settings;
  const n = layout.size;
  const numeric = probes.flat.map(() => new Float64Array(n));
  const errors = probes.flat.map(() => new Float64Array(n));
  const suspects = new Map<number, Stencil | undefined>();
  if (extrapolates(settings)) {
    for (let j = 0; j < n; j++) suspects.set(j, undefined);
  } else {
    const visit = (col: Column) => {
      const j = col.index;
      let suspect = false;
      probes.flat.forEach((w, c) => {
        numeric[c][j] = contract(col, w);
        errors[c][j] = stencilRoundoff(col, precision, w);
        if (!agrees(analytic[c][j], numeric[c][j], errors[c][j], rtol, atol)) suspect = true;
      });
      if (suspect) suspects.set(j, settings.method === central ? col : undefined);
    };
    scanColumns(evaluator, layout, copy, { method: settings.method, step, precision }, settings.caller, visit, { f0: y0 });
  }
  let budget = extrapolates(settings) ? n : RECHECK_LIMIT;
  for (const [j, first] of suspects) {
    if (budget-- <= 0) break;
    const seq = coordinateSequence(evaluator, layout, copy, j, scaledStep(step, layout.values[j]), precision, first);
    const levels = extrapolates(settings) ? undefined : RECHECK_LEVELS;
    probes.flat.forEach((w, c) => {
      const est = seq.extrapolate(precision, { weights: w }, levels);
      numeric[c][j] = est.value;
      errors[c][j] = est.error;
    });
  }
  return { numeric, errors };
}

/** What was compared: the cotangents and where they came from. */
function probeNote(probes: Probes, settings: Settings): string {
  const C = probes.flat.length;
  const which = probes.random
    ? `random cotangent${C > 1 ? 's' : ''} ȳ (standard normal entries, seed ${settings.seed})`
    : `given cotangent${C > 1 ? 's' : ''}`;
  return `Compared θ̄ = vjp(θ, ȳ) with Jᵀȳ from finite differences of f for ${C} ${which}.`;
}
