/**
 * A sparse Hessian through second differences of f: f alone gives one number per call, so no
 * colouring helps here; the pattern's upper triangle is measured entry by entry (2 calls on the
 * diagonal, 4 off it, f(θ) once) instead of all n², and second-order probes look outside it.
 */
import { ScalarEvaluator } from '../../numeric/evaluate.js';
import type { ProbeContext } from '../../numeric/probe.js';
import { defaultRichardsonStep } from '../../numeric/methods/builtins.js';
import { FLOAT32_EPSILON, roundoffError, scaledStep } from '../../numeric/precision.js';
import { probeContext } from '../../numeric/probe.js';
import { type Estimate, RICHARDSON_LEVELS, richardson } from '../../numeric/richardson.js';
import { secondDifferenceAt } from '../../numeric/secondDifferences.js';
import { nonzeros, rowColumns } from '../../numeric/sparsity/index.js';
import { agrees } from '../compare.js';
import { evaluationStage, groupDigits } from '../evaluation/index.js';
import { mutationOf } from '../guards/index.js';
import { RECHECK_LIMIT } from '../recheck.js';
import { extrapolates } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';
import type { MeasuredHessian } from './measuredHessian.js';
import type { SparsePlan } from './matrix.js';
import { type HessianSoFar, secondOrderProbes } from './secondProbes.js';

/**
 * The pattern's entries (i ≤ j): 2 calls on the diagonal, 4 off it.
 *
 * @example
 * upperEvaluations(tridiagonalPattern); // 2n + 4(n − 1)
 */
function upperEvaluations(plan: SparsePlan): number {
  const { pattern } = plan;
  const diagonal = Array.from({ length: pattern.rows }, (_, i) => rowColumns(pattern, i).includes(i)).filter(Boolean).length;
  const off = (nonzeros(pattern) - diagonal) / 2;
  return 2 * diagonal + 4 * off;
}

/**
 * The step of second differences: as the dense check takes it (ε^¼ in float32 unless the step
 * was given or the method extrapolates; see hessian.ts).
 */
function secondStep(settings: Settings): number {
  if (settings.stepGiven || settings.precision !== 'float32' || extrapolates(settings)) return settings.step;
  return FLOAT32_EPSILON ** 0.25;
}

/**
 * Measures the pattern of H by second differences of f (f(θ) once, 2 calls per diagonal entry,
 * 4 per pair off it; suspects re-checked by Richardson), then `settings.directions` second-order
 * probes (2 calls each).
 *
 * @example
 * const m = sparseSecondDifferences(f, settings, a, plan); // m.evaluations() === 1 + 2n + 2·probes for a diagonal
 */
export function sparseSecondDifferences(
  f: (theta: unknown) => unknown,
  settings: Settings,
  a: Float64Array,
  plan: SparsePlan,
): MeasuredHessian {
  const { layout, caller, precision } = settings;
  const n = layout.size;
  const probes = plan.probes;
  const { f: staged, watch } = evaluationStage(f, settings, {
    total: 1 + upperEvaluations(plan) + 2 * probes,
    what: `sparse Hessian check of ${groupDigits(nonzeros(plan.pattern))} entries`,
  });
  const evaluator = new ScalarEvaluator(staged, caller);
  const copy = layout.workingCopy();
  const ctx = probeContext(evaluator, layout, copy, precision);
  const f0 = evaluator.call(copy.root(), {});
  const H: HessianSoFar = {
    values: new Float64Array(n * n),
    errors: new Float64Array(n * n),
    pattern: plan.pattern,
    extra: new Set(),
    findings: [],
  };
  const firstPass = measureUpper(ctx, f0, settings, a, H);
  if (probes > 0) secondOrderProbes(ctx, f0, settings, H, firstPass);
  return {
    num: { rows: n, values: H.values, errors: H.errors },
    atTheta: () => Float64Array.of(evaluator.call(copy.root(), {})),
    evaluations: () => evaluator.count,
    fMutation: mutationOf(layout, copy),
    watch,
    findings: H.findings,
    notes: [
      `Sparse: ${groupDigits(nonzeros(plan.pattern))} entries in the pattern measured one by one (second differences of f)${probes > 0 ? `, ${probes} random second-order probes for entries outside it` : ''}.`,
    ],
  };
}

/**
 * The pattern's upper triangle by second differences, both triangles written; suspects (entries
 * that disagree with the analytic Hessian) re-checked by Richardson from a larger step. Returns
 * the first-pass measurement of one entry, for the probes' localisation.
 */
function measureUpper(
  ctx: ProbeContext<number>,
  f0: number,
  settings: Settings,
  a: Float64Array,
  H: HessianSoFar,
): (i: number, j: number) => Estimate {
  const { layout, precision, rtol, atol } = settings;
  const n = layout.size;
  const step = secondStep(settings);
  const x = layout.values;
  const extrapolate = (i: number, j: number, h0: number): Estimate =>
    richardson(
      (k) => secondDifferenceAt(ctx, f0, i, j, scaledStep(h0, x[i]) / 2 ** k, scaledStep(h0, x[j]) / 2 ** k),
      RICHARDSON_LEVELS,
      precision,
    );
  const firstPass = (i: number, j: number): Estimate => {
    const s = secondDifferenceAt(ctx, f0, i, j, scaledStep(step, x[i]), scaledStep(step, x[j]));
    return { value: s.quotient, error: roundoffError(precision, s.fScale, s.halfWidth) };
  };
  const set = (i: number, j: number, e: Estimate) => {
    H.values[i * n + j] = H.values[j * n + i] = e.value;
    H.errors[i * n + j] = H.errors[j * n + i] = e.error;
  };
  const suspects: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (const j of rowColumns(H.pattern, i)) {
      if (j < i) continue;
      const e = extrapolates(settings) ? extrapolate(i, j, step) : firstPass(i, j);
      set(i, j, e);
      const ok = agrees(a[i * n + j], e.value, e.error, rtol, atol) && agrees(a[j * n + i], e.value, e.error, rtol, atol);
      if (!ok && !extrapolates(settings)) suspects.push([i, j]);
    }
  }
  for (const [i, j] of suspects.slice(0, RECHECK_LIMIT))
    set(i, j, extrapolate(i, j, Math.max(step, defaultRichardsonStep(precision))));
  return firstPass;
}
