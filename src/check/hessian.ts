import { GradcheckError } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { AT_THETA, type Measurement, evaluateOne } from '../numeric/measure/protocol.js';
import { FLOAT32_EPSILON } from '../numeric/precision.js';
import { defaultRichardsonStep } from '../numeric/methods/builtins.js';
import { RICHARDSON_LEVELS } from '../numeric/richardson.js';
import {
  type SecondDifferenceSettings,
  diagonalMethod,
  secondDifferenceEvaluations,
  secondDifferences,
} from '../numeric/secondDifferences.js';
import type { Params } from '../numeric/tree.js';
import { inputName } from '../numeric/vectorEvaluator.js';
import { agrees } from './compare.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { differenceEvaluations, evaluationStage, groupDigits } from './timeAndProgress/index.js';
import { type Mutation, writesOf } from './guards/index.js';
import { blocksOf, inputTensorName } from './vectorValued/blocks.js';
import { callUser } from './vectorValued/callUser.js';
import { compareMatrix, matrixReport, numericMatrix } from './vectorValued/matrix.js';
import { prepare } from './vectorValued/prepare.js';
import { sparseHessian } from './sparse/hessian.js';
import type { MeasuredHessian } from './sparse/measuredHessian.js';
import { readMatrix } from './vectorValued/read.js';
import { asymmetricPairs, describePairs } from './vectorValued/symmetry.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LIMIT } from './recheck.js';
import { hessianByGradient } from './_internals/hessianByGradient.js';
import { type CheckPlan, runPlan } from './_internals/run.js';
import { referenceOf } from './_internals/reference.js';
import type { ReportData } from './report.js';
import type { Settings, SparsityOption } from './settings/types.js';

/** Options of `checkHessian` and `toHaveHessian`. */
export interface HessianOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * An analytic gradient of f, (θ) → tree shaped like θ. When given, the numerical Hessian is
   * the Jacobian of this gradient by central differences (2n calls of the gradient, more
   * accurate than second differences of f); otherwise second differences of f are used
   * (2n² + 1 calls of f).
   */
  gradient?: (theta: P) => Params;
  /**
   * Measure only the Hessian's pattern: `'auto'` takes the analytic Hessian's own nonzeros, a
   * boolean n×n matrix adds its entries to them, `false` measures every entry. Through
   * options.gradient, columns that share no row are perturbed together (2 × (colours + probes)
   * calls of the gradient, central); by second differences of f, each entry of the pattern is
   * measured alone. A few random probes (`directions`, default 10) catch entries outside it.
   * @defaultValue false
   */
  sparsity?: SparsityOption;
}

/** The Hessian: an n×n matrix (nested, rows of typed arrays, or flat row-major) or a function of θ returning it. */
export type HessianSpec<P extends Params = Params> = ((theta: P) => Params) | Params;

/**
 * `checkHessian` with the caller's name for messages.
 * @internal
 */
export function hessianCheck(f: unknown, H: unknown, options: unknown, caller: string): ReportData {
  return runPlan(hessianPlan(f, H, options, caller));
}

/**
 * `checkHessian` as a plan: the analytic Hessian, then the numerical one — by the settings'
 * method on the columns of `options.gradient` when given, else by second differences of f —
 * compared entry by entry with the matrix checks' shared report.
 * @internal
 */
export function hessianPlan(f: unknown, H: unknown, options: unknown, caller: string): CheckPlan {
  const { settings } = prepare(f, options, caller, 'hessian');
  if (typeof H !== 'function' && (H === undefined || H === null))
    throw new GradcheckError(`${caller}: H must be a function of θ or an n×n matrix, but got ${String(H)}`);
  return { settings, measurement: hessianMeasurement(f, H, settings) };
}

function* hessianMeasurement(f: unknown, H: unknown, settings: Settings): Measurement<ReportData> {
  const { layout, caller } = settings;
  const n = layout.size;
  let mutation: Mutation | undefined;
  let raw: unknown = H;
  if (typeof H === 'function') ({ value: raw, mutation } = yield* callUser(H as () => unknown, layout, caller, 'H'));
  const name = (i: number, j: number) => `∂²f/∂${inputName(layout.pathAt(i))}∂${inputName(layout.pathAt(j))}`;
  const a = readMatrix(raw, n, n, caller, 'the Hessian', name);
  const byGradient = settings.gradient !== undefined;
  const sparse =
    settings.sparsity === false ? undefined : yield* sparseHessian(f, settings, a, name, secondDifferenceSettings(settings, a));
  const m = sparse ?? (byGradient ? yield* throughGradient(settings, a, name) : yield* throughSecondDifferences(f, settings, a));
  const asymmetric = asymmetricPairs(a, n, settings);
  if (asymmetric.length > 0)
    m.findings.push(
      `The analytic Hessian is not symmetric: ${describePairs(asymmetric, name, a, n)}. A Hessian of a twice differentiable f is symmetric.`,
    );
  const stepText = `step ${settings.step}·max(1, |θᵢ|), ${settings.precision}`;
  try {
    return yield* matrixReport({
      settings,
      check: 'hessian',
      a,
      num: m.num,
      verdict: compareMatrix(a, m.num, n, settings, name),
      blocks: blocksOf(layout.tensors, layout.tensors, (r, c) => `∂²f/∂${inputTensorName(r)}∂${inputTensorName(c)}`),
      cols: n,
      entryName: name,
      atTheta: m.atTheta,
      evaluations: m.evaluations,
      watch: m.watch,
      findings: m.findings,
      mutations: [
        { who: byGradient ? 'options.gradient' : 'f', mutation: m.fMutation },
        { who: 'H', mutation },
      ],
      extras: {
        reference: byGradient
          ? referenceOf(settings, ` of options.gradient along each ${sparse ? 'colour of columns' : 'entry of θ'}`)
          : `second differences of f (${stepText})`,
        evaluationsOf: byGradient ? 'evaluations of the gradient' : undefined,
        ...(m.notes && { notes: m.notes }),
      },
    });
  } finally {
    m.end();
  }
}

/** The Jacobian of options.gradient by the settings' method (2n calls of the gradient for central differences). */
function throughGradient(
  settings: Settings,
  a: Float64Array,
  name: (i: number, j: number) => string,
): Measurement<MeasuredHessian> {
  const n = settings.layout.size;
  return hessianByGradient(settings, name, {
    total: differenceEvaluations(resolveMethod(settings.method), n),
    what: `Hessian check of ${groupDigits(n)} columns`,
    measure: (evaluator, checkRows) =>
      numericMatrix(evaluator, settings, (rows) => {
        checkRows(rows);
        return a;
      }),
  });
}

/** Second differences of f by the settings' method (2n² + 1 calls for central ones), suspects re-checked on a Richardson ladder. */
function* throughSecondDifferences(f: unknown, settings: Settings, a: Float64Array): Measurement<MeasuredHessian> {
  const { layout, caller } = settings;
  const n = layout.size;
  const fn = f as (theta: unknown) => unknown;
  // f(θ) and 2 calls per entry of the n×n matrix (second differences), through the evaluation stage.
  const plan = { total: secondDifferenceEvaluations(settings.method, n), what: `Hessian check of ${groupDigits(n * n)} entries` };
  const stage = evaluationStage(settings, plan);
  const { watch } = stage;
  const evaluator = new ScalarEvaluator(fn, caller, 'f', stage.hooks);
  let values: { values: Float64Array; errors: Float64Array };
  try {
    values = yield* secondDifferences(evaluator, layout, secondDifferenceSettings(settings, a));
  } catch (error) {
    stage.end();
    throw error;
  }
  return {
    num: { rows: n, values: values.values, errors: values.errors },
    atTheta: function* () {
      return Float64Array.of(yield* evaluateOne(evaluator, AT_THETA));
    },
    evaluations: () => evaluator.count,
    fMutation: yield* writesOf(layout),
    watch,
    findings: [],
    end: stage.end,
  };
}

/** How second differences of f measure the Hessian (dense or over a pattern): the step, the method, the re-checks of suspects. */
function secondDifferenceSettings(settings: Settings, a: Float64Array): SecondDifferenceSettings {
  const { precision, rtol, atol } = settings;
  const n = settings.layout.size;
  return {
    step: secondDifferenceStep(settings),
    precision,
    method: settings.method,
    isSuspect: (i, j, v, e) => !(agrees(a[i * n + j], v, e, rtol, atol) && agrees(a[j * n + i], v, e, rtol, atol)),
    recheckLimit: RECHECK_LIMIT,
    recheckStep: Math.max(settings.step, defaultRichardsonStep(precision)),
    recheckLevels: RICHARDSON_LEVELS,
  };
}

/**
 * The step of second differences: the given one; else the settings' step, which a first-order
 * method chose for first differences (√ε: its square would leave round-off of order one), so
 * such a method takes its diagonal's own balanced step; in float32, at least ε^¼ (round-off of
 * a second difference grows as ε/h²).
 */
function secondDifferenceStep(settings: Settings): number {
  if (settings.stepGiven) return settings.step;
  const own = settings.method.order >= 2 ? settings.step : diagonalMethod(settings.method).defaultStep(settings.precision);
  return settings.precision === 'float32' ? Math.max(own, FLOAT32_EPSILON ** 0.25) : own;
}
