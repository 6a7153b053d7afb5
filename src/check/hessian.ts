import { GradcheckError, formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { FLOAT32_EPSILON } from '../numeric/precision.js';
import { secondDifferences } from '../numeric/secondDifferences.js';
import type { Params } from '../numeric/tree.js';
import { VectorEvaluator, inputName } from '../numeric/vectorEvaluator.js';
import { agrees } from './compare.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { differenceEvaluations, evaluationStage, groupDigits } from './evaluation/index.js';
import { type Float32Watch, guardNonFinite, type Mutation, mutationOf } from './guards/index.js';
import { blocksOf, inputTensorName } from './layer/blocks.js';
import { callUser } from './layer/callUser.js';
import { type NumericMatrix, compareMatrix, matrixReport, numericMatrix } from './layer/matrix.js';
import { prepare } from './layer/prepare.js';
import { sparseHessian } from './sparse/hessian.js';
import { readMatrix } from './layer/read.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LIMIT } from './recheck.js';
import type { ReportData } from './report.js';
import { extrapolates } from './settings/resolve.js';
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

/** How many asymmetric pairs a finding names. */
const PAIRS_SHOWN = 3;

/** The numerical Hessian and what measuring it saw. */
interface Measured {
  readonly num: NumericMatrix;
  readonly atTheta: () => Float64Array;
  readonly evaluations: () => number;
  readonly fMutation: Mutation | undefined;
  readonly watch: Float32Watch;
  /** Findings about the reference itself (options.gradient not a gradient). */
  readonly findings: string[];
}

/**
 * `checkHessian` with the caller's name for messages: settings → the analytic H → the
 * numerical one (central differences of options.gradient, or second differences of f) →
 * symmetry of both → entry verdicts → the layer checks' shared guards, diagnoses and report.
 *
 * @example
 * hessianCheck(f, H, { at: θ, gradient: grad }, 'toHaveHessian').pass;
 * @internal
 */
export function hessianCheck(f: unknown, H: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'hessian');
  const n = layout.size;
  let mutation: Mutation | undefined;
  let raw: unknown = H;
  if (typeof H === 'function') ({ value: raw, mutation } = callUser(H as () => unknown, layout, caller, 'H'));
  else if (H === undefined || H === null)
    throw new GradcheckError(`${caller}: H must be a function of θ or an n×n matrix, but got ${String(H)}`);
  const name = (i: number, j: number) => `∂²f/∂${inputName(layout.pathAt(i))}∂${inputName(layout.pathAt(j))}`;
  const a = readMatrix(raw, n, n, caller, 'the Hessian', name);
  const byGradient = settings.gradient !== undefined;
  const sparse = settings.sparsity === false ? undefined : sparseHessian(f, settings, a, name);
  const m = sparse ?? (byGradient ? throughGradient(settings, a, name) : throughSecondDifferences(f, settings, a));
  const asymmetric = asymmetricPairs(a, n, settings);
  if (asymmetric.length > 0)
    m.findings.push(
      `The analytic Hessian is not symmetric: ${describePairs(asymmetric, name, a, n)}. A Hessian of a twice differentiable f is symmetric.`,
    );
  const stepText = `step ${settings.step}·max(1, |θᵢ|), ${settings.precision}`;
  return matrixReport({
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
      reference: byGradient ? `central differences of options.gradient (${stepText})` : `second differences of f (${stepText})`,
      evaluationsOf: byGradient ? 'evaluations of the gradient' : undefined,
      ...(sparse && { notes: sparse.notes }),
    },
  });
}

/** The Jacobian of options.gradient by central differences (2n calls of the gradient). */
function throughGradient(settings: Settings, a: Float64Array, name: (i: number, j: number) => string): Measured {
  const { layout, caller } = settings;
  const n = layout.size;
  const g = settings.gradient as (theta: unknown) => unknown;
  // 2 calls of the gradient per column (central), through the evaluation stage; the report stage ends it.
  const plan = {
    total: differenceEvaluations(resolveMethod(settings.method), n),
    what: `Hessian check of ${groupDigits(n)} columns`,
    of: 'options.gradient',
  };
  const { f: staged, watch } = evaluationStage(g, settings, plan);
  const evaluator = new VectorEvaluator(staged, caller, 'options.gradient');
  const copy = layout.workingCopy();
  const num = guardNonFinite(
    () =>
      numericMatrix(evaluator, copy, settings, (rows) => {
        if (rows !== n)
          throw new GradcheckError(
            `${caller}: options.gradient returned ${rows} entries, but θ has ${n}; it must return a gradient shaped like θ`,
          );
        return a;
      }),
    () => new VectorEvaluator(g, caller, 'options.gradient').call(layout.workingCopy().root(), {}),
  );
  const findings: string[] = [];
  const asymmetric = asymmetricPairs(num.values, n, settings, num.errors);
  if (asymmetric.length > 0)
    findings.push(
      `options.gradient is not the gradient of any function: its Jacobian is not symmetric (${describePairs(asymmetric, name, num.values, n)}). Check it with toHaveGradient first.`,
    );
  return {
    num,
    atTheta: () => evaluator.call(copy.root(), {}),
    evaluations: () => evaluator.count,
    fMutation: mutationOf(layout, copy),
    watch,
    findings,
  };
}

/** Second differences of f (2n² + 1 calls), suspects re-checked by Richardson extrapolation. */
function throughSecondDifferences(f: unknown, settings: Settings, a: Float64Array): Measured {
  const { layout, caller, precision, rtol, atol } = settings;
  const n = layout.size;
  const fn = f as (theta: unknown) => unknown;
  // f(θ) and 2 calls per entry of the n×n matrix (second differences), through the evaluation stage.
  const plan = { total: 2 * n * n + 1, what: `Hessian check of ${groupDigits(n * n)} entries` };
  const { f: staged, watch } = evaluationStage(fn, settings, plan);
  const evaluator = new ScalarEvaluator(staged, caller);
  const copy = layout.workingCopy();
  const isSuspect = (i: number, j: number, v: number, e: number) =>
    !(agrees(a[i * n + j], v, e, rtol, atol) && agrees(a[j * n + i], v, e, rtol, atol));
  const values = secondDifferences(evaluator, layout, copy, {
    step: secondDifferenceStep(settings),
    precision,
    extrapolateAll: extrapolates(settings),
    isSuspect,
    recheckLimit: RECHECK_LIMIT,
  });
  return {
    num: { rows: n, ...values },
    atTheta: () => Float64Array.of(evaluator.call(copy.root(), {})),
    evaluations: () => evaluator.count,
    fMutation: mutationOf(layout, copy),
    watch,
    findings: [],
  };
}

/**
 * Second differences balance truncation (∝ h²) against round-off (∝ ε/h²): the optimum step
 * is about ε^¼, 1.2e-4 in float64 (the default 1e-4 is close) and 0.019 in float32, where the
 * first-derivative default ∛ε ≈ 4.9e-3 would leave f's rounding at 16 % of |f|/h².
 */
function secondDifferenceStep(settings: Settings): number {
  if (settings.stepGiven || settings.precision !== 'float32' || extrapolates(settings)) return settings.step;
  return FLOAT32_EPSILON ** 0.25;
}

/** Pairs (i < j) where M[i][j] and M[j][i] differ beyond tolerance (and their error estimates). */
function asymmetricPairs(
  M: Float64Array,
  n: number,
  settings: Pick<Settings, 'rtol' | 'atol'>,
  errors?: Float64Array,
): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const err = errors ? errors[i * n + j] + errors[j * n + i] : 0;
      if (!agrees(M[i * n + j], M[j * n + i], err, settings.rtol, settings.atol)) pairs.push([i, j]);
    }
  }
  return pairs;
}

function describePairs(
  pairs: readonly [number, number][],
  name: (i: number, j: number) => string,
  M: Float64Array,
  n: number,
): string {
  const shown = pairs
    .slice(0, PAIRS_SHOWN)
    .map(([i, j]) => `${name(i, j)} = ${formatNumber(M[i * n + j])} but ${name(j, i)} = ${formatNumber(M[j * n + i])}`);
  const more = pairs.length > PAIRS_SHOWN ? `, …${pairs.length - PAIRS_SHOWN} more pairs` : '';
  return `${shown.join('; ')}${more}`;
}
