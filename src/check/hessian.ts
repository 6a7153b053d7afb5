import { defaultRichardsonStep, place } from '../numeric/differences.js';
import { GradcheckError, formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { FLOAT32_EPSILON, type Precision, roundoffError, scaledStep } from '../numeric/precision.js';
import { RICHARDSON_LEVELS, richardson } from '../numeric/richardson.js';
import { type Params, type TreeLayout, type WorkingCopy, displayPath } from '../numeric/tree.js';
import { VectorEvaluator, inputName } from '../numeric/vectorEvaluator.js';
import { agrees } from './compare.js';
import { type NumericMatrix, compareMatrix, matrixReport, numericMatrix } from './jacobian.js';
import { type Mutation, blocksOf, callUser, inputTensorName, mutationHint, prepare, readMatrix } from './layerShared.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LIMIT } from './recheck.js';
import type { CheckSettings, ReportData } from './report.js';

/** Options of `checkHessian` and `toHaveHessian`. */
export interface HessianOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * An analytic gradient of f, (θ) → tree shaped like θ. When given, the numerical Hessian is
   * the Jacobian of this gradient by central differences (2n calls of the gradient, more
   * accurate than second differences of f); otherwise second differences of f are used
   * (2n² + 1 calls of f).
   */
  gradient?: (theta: P) => Params;
}

/** The Hessian: an n×n matrix (nested, rows of typed arrays, or flat row-major) or a function of θ returning it. */
export type HessianSpec<P extends Params = Params> = ((theta: P) => Params) | Params;

/** How many asymmetric pairs the hint names. */
const PAIRS_SHOWN = 3;

/**
 * `checkHessian` with the caller's name for messages.
 *
 * @example
 * hessianCheck(f, H, { at: θ, gradient: grad }, 'toHaveHessian').pass;
 * @internal
 */
export function hessianCheck(f: unknown, H: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'hessian');
  const n = layout.size;
  const gradient = settings.gradient as unknown;
  let mutation: Mutation | undefined;
  let raw: unknown = H;
  if (typeof H === 'function') ({ value: raw, mutation } = callUser(H as () => unknown, layout, caller, 'H'));
  else if (H === undefined || H === null)
    throw new GradcheckError(`${caller}: H must be a function of θ or an n×n matrix, but got ${String(H)}`);
  const name = (i: number, j: number) => `∂²f/∂${inputName(layout.pathAt(i))}∂${inputName(layout.pathAt(j))}`;
  const a = readMatrix(raw, n, n, caller, 'the Hessian', name);

  let num: NumericMatrix;
  let evaluations: number;
  let fMutation: Mutation | undefined;
  const hints: string[] = [];
  if (typeof gradient === 'function') {
    const evaluator = new VectorEvaluator(gradient as (theta: unknown) => unknown, caller, 'options.gradient');
    const result = numericMatrix(evaluator, layout, settings, caller, (m) => {
      if (m !== n)
        throw new GradcheckError(
          `${caller}: options.gradient returned ${m} entries, but θ has ${n}; it must return a gradient shaped like θ`,
        );
      return a;
    });
    num = result;
    evaluations = evaluator.count;
    fMutation = result.fMutation;
    const asym = asymmetricPairs(num.values, n, settings, num.errors);
    if (asym.length > 0) {
      hints.push(
        `options.gradient is not the gradient of any function: its Jacobian is not symmetric (${describePairs(asym, name, num.values, n)}). Check it with toHaveGradient first.`,
      );
    }
  } else {
    const evaluator = new ScalarEvaluator(f as (theta: unknown) => unknown, caller);
    const copy = layout.workingCopy();
    num = secondDifferences(
      evaluator,
      layout,
      copy,
      secondDifferenceSettings(settings, settings.stepGiven ? settings.step : undefined),
      a,
    );
    evaluations = evaluator.count;
    const changed = copy.firstDifference(layout.values);
    if (changed >= 0)
      fMutation = { path: displayPath(layout.pathAt(changed)), before: layout.values[changed], after: copy.get(changed) };
  }
  const asymA = asymmetricPairs(a, n, settings);
  if (asymA.length > 0) {
    hints.push(
      `The analytic Hessian is not symmetric: ${describePairs(asymA, name, a, n)}. A Hessian of a twice differentiable f is symmetric.`,
    );
  }
  const verdict = compareMatrix(a, num, n, settings, name);
  const blocks = blocksOf(layout.tensors, layout.tensors, (r, c) => `∂²f/∂${inputTensorName(r)}∂${inputTensorName(c)}`);
  const byGradient = typeof gradient === 'function';
  if (fMutation) hints.push(mutationHint(byGradient ? 'options.gradient' : 'f', fMutation));
  if (mutation) hints.push(mutationHint('H', mutation));
  return matrixReport({
    a,
    num,
    verdict,
    blocks,
    cols: n,
    settings,
    evaluations,
    hints,
    failed: Boolean(mutation || fMutation),
    check: 'hessian',
    extras: {
      reference: byGradient
        ? `central differences of options.gradient (step ${settings.step}·max(1, |θᵢ|), ${settings.precision})`
        : `second differences of f (step ${settings.step}·max(1, |θᵢ|), ${settings.precision})`,
      evaluationsOf: byGradient ? 'evaluations of the gradient' : undefined,
    },
  });
}

/**
 * Second differences balance truncation (∝ h²) against round-off (∝ ε/h²): the optimum step
 * is about ε^¼, 1.2e-4 in float64 (the default 1e-4 is close) and 0.019 in float32, where the
 * first-derivative default ∛ε ≈ 4.9e-3 would leave f's rounding at 16 % of |f|/h².
 */
function secondDifferenceSettings(settings: CheckSettings, step: number | undefined): CheckSettings {
  if (step !== undefined || settings.precision !== 'float32' || settings.method === 'richardson') return settings;
  return { ...settings, step: FLOAT32_EPSILON ** 0.25 };
}

/** Pairs (i < j) where M[i][j] and M[j][i] differ beyond tolerance (and their error estimates). */
function asymmetricPairs(M: Float64Array, n: number, settings: CheckSettings, errors?: Float64Array): [number, number][] {
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

/** One second-difference stencil: f at θ moved along i (and j), with the half-widths actually taken. */
function stencilAt(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  precision: Precision,
  f0: number,
  i: number,
  j: number,
  hi: number,
  hj: number,
): { quotient: number; halfWidth: number; fScale: number } {
  const x = layout.values;
  const at = (si: number, sj: number) => {
    const di = place(copy, i, x[i] + si * hi, precision) - x[i];
    let dj = 0;
    if (j !== i) dj = place(copy, j, x[j] + sj * hj, precision) - x[j];
    const value = evaluator.call(copy.root(), {
      path: j === i ? layout.pathAt(i) : `${layout.pathAt(i)} and ${layout.pathAt(j)}`,
      delta: di,
    });
    copy.set(i, x[i]);
    if (j !== i) copy.set(j, x[j]);
    return { value, di, dj };
  };
  if (i === j) {
    const p = at(1, 0);
    const m = at(-1, 0);
    const h = (p.di - m.di) / 2;
    const scale = Math.max(Math.abs(p.value), Math.abs(m.value), Math.abs(f0));
    // Four values of size `scale` over h²: expressed as the round-off of a quotient over h.
    return { quotient: (p.value + m.value - 2 * f0) / (p.di * -m.di), halfWidth: h, fScale: (4 * scale) / h };
  }
  const pp = at(1, 1);
  const pm = at(1, -1);
  const mp = at(-1, 1);
  const mm = at(-1, -1);
  const wi = (pp.di - mp.di) / 2;
  const wj = (pp.dj - pm.dj) / 2;
  const scale = Math.max(Math.abs(pp.value), Math.abs(pm.value), Math.abs(mp.value), Math.abs(mm.value));
  return { quotient: (pp.value - pm.value - mp.value + mm.value) / (4 * wi * wj), halfWidth: wi, fScale: scale / wj };
}

/**
 * The numerical Hessian by second differences of f (2n² + 1 calls), entries that disagree with
 * `analytic` re-checked by Richardson extrapolation from the larger step 1e-2 (float64).
 */
function secondDifferences(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  copy: WorkingCopy,
  settings: CheckSettings,
  analytic: Float64Array,
): NumericMatrix {
  const n = layout.size;
  const x = layout.values;
  const { precision, step, rtol, atol } = settings;
  const values = new Float64Array(n * n);
  const errors = new Float64Array(n * n);
  const f0 = evaluator.call(copy.root(), {});
  const set = (i: number, j: number, v: number, e: number) => {
    values[i * n + j] = v;
    values[j * n + i] = v;
    errors[i * n + j] = e;
    errors[j * n + i] = e;
  };
  const estimate = (i: number, j: number, h0: number, levels: number) =>
    richardson(
      (k) =>
        stencilAt(evaluator, layout, copy, precision, f0, i, j, scaledStep(h0, x[i]) / 2 ** k, scaledStep(h0, x[j]) / 2 ** k),
      levels,
      precision,
    );
  const richardsonOnly = settings.method === 'richardson';
  const suspects: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      if (richardsonOnly) {
        const est = estimate(i, j, settings.step, RICHARDSON_LEVELS);
        set(i, j, est.value, est.error);
        continue;
      }
      const s = stencilAt(evaluator, layout, copy, precision, f0, i, j, scaledStep(step, x[i]), scaledStep(step, x[j]));
      const err = roundoffError(precision, s.fScale, s.halfWidth);
      set(i, j, s.quotient, err);
      const ok =
        agrees(analytic[i * n + j], s.quotient, err, rtol, atol) && agrees(analytic[j * n + i], s.quotient, err, rtol, atol);
      if (!ok) suspects.push([i, j]);
    }
  }
  for (const [i, j] of suspects.slice(0, RECHECK_LIMIT)) {
    const est = estimate(i, j, Math.max(step, defaultRichardsonStep(precision)), RICHARDSON_LEVELS);
    set(i, j, est.value, est.error);
  }
  return { rows: n, values, errors };
}
