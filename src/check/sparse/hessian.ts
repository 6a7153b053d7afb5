/**
 * `checkHessian` with `sparsity`: the pattern of H (made symmetric) measured through
 * options.gradient by colouring (2 × (colours + probes) calls of the gradient), or through second
 * differences of f entry by entry over the pattern's upper triangle with second-order probes.
 */
import { GradcheckError } from '../../numeric/errors.js';
import { AT_THETA, type Measurement, evaluateOne } from '../../numeric/measure/protocol.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import type { SecondDifferenceSettings } from '../../numeric/secondDifferences.js';
import { VectorEvaluator, inputName } from '../../numeric/vectorEvaluator.js';
import { rowColumns } from '../../numeric/sparsity/index.js';
import { evaluationStage, groupDigits } from '../timeAndProgress/index.js';
import { atThetaWhenNonFinite, writesOf } from '../guards/index.js';
import type { NumericMatrix } from '../vectorValued/matrix.js';
import { asymmetricPairs, notAGradient } from '../vectorValued/symmetry.js';
import type { Settings } from '../settings/types.js';
import { type SparsePlan, sparseEvaluations, sparseMatrix, sparseNote, sparsePlan } from './matrix.js';
import type { MeasuredHessian } from './measuredHessian.js';
import { measuredPattern } from './pattern.js';
import { sparseSecondDifferences } from './secondDifferences.js';

/**
 * The sparse measurement of a Hessian, for `hessianCheck`: through options.gradient when given,
 * else through second differences of f.
 *
 * @example
 * const m = yield* sparseHessian(f, settings, a, name, second); // m.num: n×n, measured on the pattern
 */
export function* sparseHessian(
  f: unknown,
  settings: Settings,
  a: Float64Array,
  name: (i: number, j: number) => string,
  second: SecondDifferenceSettings,
): Measurement<MeasuredHessian> {
  const n = settings.layout.size;
  const pattern = measuredPattern(
    settings.sparsity as 'auto',
    a,
    { rows: n, cols: n, rowsAre: 'entries of θ' },
    settings.caller,
    true,
  );
  const plan = sparsePlan(pattern, settings, settings.gradient !== undefined);
  return settings.gradient !== undefined
    ? yield* throughGradient(settings, a, plan, name)
    : yield* sparseSecondDifferences(f as (theta: unknown) => unknown, settings, plan, second);
}

/** The colouring over options.gradient: the sparse Jacobian of the gradient. */
function* throughGradient(
  settings: Settings,
  a: Float64Array,
  plan: SparsePlan,
  name: (i: number, j: number) => string,
): Measurement<MeasuredHessian> {
  const { layout, caller } = settings;
  const n = layout.size;
  const g = settings.gradient as (theta: unknown) => unknown;
  const stage = evaluationStage(settings, {
    total: sparseEvaluations(resolveMethod(settings.method), plan),
    what: `sparse Hessian check of ${groupDigits(n)} columns in ${groupDigits(plan.colouring.count)} colours`,
    of: 'options.gradient',
  });
  const evaluator = new VectorEvaluator(g, caller, 'options.gradient', stage.hooks);
  const checkRows = (rows: number) => {
    if (rows !== n)
      throw new GradcheckError(
        `${caller}: options.gradient returned ${rows} entries, but θ has ${n}; it must return a gradient shaped like θ`,
      );
  };
  let num: NumericMatrix & { readonly findings: string[] };
  try {
    num = yield* atThetaWhenNonFinite(
      sparseMatrix(evaluator, settings, a, plan, (i) => `∂f/∂${inputName(layout.pathAt(i))}`, checkRows),
      () => evaluateOne(new VectorEvaluator(g, caller, 'options.gradient'), AT_THETA),
    );
  } catch (error) {
    stage.end();
    throw error;
  }
  const findings = [...num.findings];
  const asymmetric = asymmetricPairs(num.values, n, settings, num.errors, (i) => rowColumns(plan.pattern, i));
  if (asymmetric.length > 0) findings.push(notAGradient(asymmetric, name, num.values, n));
  return {
    num,
    atTheta: () => evaluateOne(evaluator, AT_THETA),
    evaluations: () => evaluator.count,
    fMutation: yield* writesOf(layout),
    watch: stage.watch,
    findings,
    notes: [sparseNote(plan)],
    end: stage.end,
  };
}
