import { GradcheckError } from '../../numeric/errors.js';
import { AT_THETA, type Measurement, evaluateOne } from '../../numeric/measure/protocol.js';
import { VectorEvaluator } from '../../numeric/vectorEvaluator.js';
import { atThetaWhenNonFinite, writesOf } from '../guards/index.js';
import type { MeasuredHessian } from '../sparse/measuredHessian.js';
import { evaluationStage } from '../timeAndProgress/index.js';
import type { NumericMatrix } from '../vectorValued/matrix.js';
import { asymmetricPairs, notAGradient } from '../vectorValued/symmetry.js';
import type { Settings } from '../settings/types.js';

/** How the Jacobian of options.gradient is measured: all columns, or the colours of a pattern. */
export interface GradientJacobianWay {
  /** The evaluation stage's planned calls of the gradient and what it says it is doing. */
  readonly total: number;
  readonly what: string;
  /** The numerical matrix, measured with `evaluator`; `checkRows` refuses a gradient of the wrong length. */
  readonly measure: (
    evaluator: VectorEvaluator,
    checkRows: (rows: number) => void,
  ) => Measurement<NumericMatrix & { readonly findings?: readonly string[] }>;
  /** The columns of row i to compare for symmetry (every column when absent). */
  readonly columns?: (i: number) => ArrayLike<number>;
  /** Notes for the report. */
  readonly notes?: string[];
}

/**
 * The Hessian as the Jacobian of options.gradient, dense or sparse: the evaluation stage, the
 * gradient's length checked on every call, NaN near θ told from NaN at θ, the symmetry of the
 * measured matrix, and what the report needs of the measurement.
 * @internal
 *
 * @example
 * const m = yield* hessianByGradient(settings, name, {
 *   total: 2 * n, what: 'Hessian check of 3 columns',
 *   measure: (evaluator, checkRows) => numericMatrix(evaluator, settings, (rows) => (checkRows(rows), a)),
 * });
 */
export function* hessianByGradient(
  settings: Settings,
  name: (i: number, j: number) => string,
  way: GradientJacobianWay,
): Measurement<MeasuredHessian> {
  const { layout, caller } = settings;
  const n = layout.size;
  const g = settings.gradient as (theta: unknown) => unknown;
  const stage = evaluationStage(settings, { total: way.total, what: way.what, of: 'options.gradient' });
  const evaluator = new VectorEvaluator(g, caller, 'options.gradient', stage.hooks);
  const checkRows = (rows: number) => {
    if (rows !== n)
      throw new GradcheckError(
        `${caller}: options.gradient returned ${rows} entries, but θ has ${n}; it must return a gradient shaped like θ`,
      );
  };
  let num: NumericMatrix & { readonly findings?: readonly string[] };
  try {
    num = yield* atThetaWhenNonFinite(way.measure(evaluator, checkRows), () =>
      evaluateOne(new VectorEvaluator(g, caller, 'options.gradient'), AT_THETA),
    );
  } catch (error) {
    stage.end();
    throw error;
  }
  const findings = [...(num.findings ?? [])];
  const asymmetric = asymmetricPairs(num.values, n, settings, num.errors, way.columns);
  if (asymmetric.length > 0) findings.push(notAGradient(asymmetric, name, num.values, n));
  return {
    num,
    atTheta: () => evaluateOne(evaluator, AT_THETA),
    evaluations: () => evaluator.count,
    fMutation: yield* writesOf(layout),
    watch: stage.watch,
    findings,
    ...(way.notes ? { notes: way.notes } : {}),
    end: stage.end,
  };
}
