/**
 * A sparse Hessian through second differences of f: f alone gives one number per call, so no
 * colouring helps here; the pattern's upper triangle is measured entry by entry (central: 2 calls
 * on the diagonal, 4 off it, f(θ) once) instead of all n², and second-order probes look outside it.
 */
import { ScalarEvaluator } from '../../numeric/evaluate.js';
import { AT_THETA, type Measurement, evaluateOne } from '../../numeric/measure/protocol.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import { probeContext } from '../../numeric/probe.js';
import {
  type SecondDifferenceSettings,
  secondDifferenceEvaluations,
  secondDifferences,
} from '../../numeric/secondDifferences.js';
import { nonzeros, rowColumns } from '../../numeric/sparsity/index.js';
import { evaluationStage, groupDigits } from '../timeAndProgress/index.js';
import { writesOf } from '../guards/index.js';
import type { Settings } from '../settings/types.js';
import type { MeasuredHessian } from './measuredHessian.js';
import type { SparsePlan } from './matrix.js';
import { type HessianSoFar, secondOrderProbes } from './secondProbes.js';

/**
 * The pattern's entries on the diagonal and off it (pairs i < j).
 *
 * @example
 * upperEntries(tridiagonalPattern); // { diagonal: n, off: n − 1 }
 */
function upperEntries(plan: SparsePlan): { diagonal: number; off: number } {
  const { pattern } = plan;
  const diagonal = Array.from({ length: pattern.rows }, (_, i) => rowColumns(pattern, i).includes(i)).filter(Boolean).length;
  return { diagonal, off: (nonzeros(pattern) - diagonal) / 2 };
}

/**
 * Measures the pattern of H by second differences of f as the dense check takes them (`second`:
 * f(θ) once, central: 2 calls per diagonal entry, 4 per pair off it; suspects re-checked by
 * Richardson), then `settings.directions` second-order probes (2 calls each).
 *
 * @example
 * const m = yield* sparseSecondDifferences(f, settings, plan, second); // m.evaluations() === 1 + 2n + 2·probes for a diagonal
 */
export function* sparseSecondDifferences(
  f: (theta: unknown) => unknown,
  settings: Settings,
  plan: SparsePlan,
  second: SecondDifferenceSettings,
): Measurement<MeasuredHessian> {
  const { layout, caller, precision } = settings;
  const n = layout.size;
  const probes = plan.probes;
  const stage = evaluationStage(settings, {
    total: secondDifferenceEvaluations(resolveMethod(settings.method), n, upperEntries(plan)) + 2 * probes,
    what: `sparse Hessian check of ${groupDigits(nonzeros(plan.pattern))} entries`,
  });
  const evaluator = new ScalarEvaluator(f, caller, 'f', stage.hooks);
  try {
    const measured = yield* secondDifferences(evaluator, layout, { ...second, columns: (i) => rowColumns(plan.pattern, i) });
    const H: HessianSoFar = {
      values: measured.values,
      errors: measured.errors,
      pattern: plan.pattern,
      extra: new Set(),
      findings: [],
    };
    const ctx = probeContext(evaluator, layout, precision);
    if (probes > 0) yield* secondOrderProbes(ctx, measured.f0, settings, H, measured.entry);
    return {
      num: { rows: n, values: H.values, errors: H.errors },
      atTheta: function* () {
        return Float64Array.of(yield* evaluateOne(evaluator, AT_THETA));
      },
      evaluations: () => evaluator.count,
      fMutation: yield* writesOf(layout),
      watch: stage.watch,
      findings: H.findings,
      notes: [
        `Sparse: ${groupDigits(nonzeros(plan.pattern))} entries in the pattern measured one by one (second differences of f)${probes > 0 ? `, ${probes} random second-order probes for entries outside it` : ''}.`,
      ],
      end: stage.end,
    };
  } catch (error) {
    stage.end();
    throw error;
  }
}
