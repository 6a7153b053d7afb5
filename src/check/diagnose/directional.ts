import { tolerance } from '../compare.js';
import { kindOf, scaleMessage } from './detectors/scale.js';
import { termMessage } from './detectors/term.js';
import { leastSquares, near } from './fit.js';
import { type Finding, finding } from './finding.js';
import { nameList, num, residualText } from './text.js';
import type { DiagnosisInput, DirectionBases } from './types.js';

/** Directions a fit must have beyond its coefficients to count as evidence (fewer could fit by chance). */
const SPARE_DIRECTIONS = 3;

/** A fit over the directions: coefficients on n (α, fixed at 1 for a term alone) and on each tensor's ⟨θ_T, d⟩. */
interface DirectionalFit {
  readonly alpha: number;
  /** β per tensor, 0 for the tensors left out of the model. */
  readonly beta: readonly number[];
  readonly residual: number;
}

/** Whether every direction agrees with the model within the check's tolerance and its error estimate. */
function holds(input: DiagnosisInput, predict: (j: number) => number, alphaAbs: number): boolean {
  const { analytic: a, errors, settings } = input;
  for (let j = 0; j < a.length; j++) {
    const p = predict(j);
    const err = Number.isFinite(errors[j]) ? errors[j] : 0;
    if (!(Math.abs(a[j] - p) <= tolerance(a[j], p, settings.rtol, settings.atol) + alphaAbs * err)) return false;
  }
  return true;
}

/** Fits a = α·n + Σ_{T ∈ terms} β_T·⟨θ_T, d⟩ (α = 1 fixed when `freeAlpha` is false) and keeps it only if every direction holds. */
function fitModel(
  input: DiagnosisInput,
  bases: DirectionBases,
  terms: readonly number[],
  freeAlpha: boolean,
): DirectionalFit | undefined {
  const { analytic: a, numeric: n } = input;
  const k = a.length;
  const series = [...(freeAlpha ? [(j: number) => n[j]] : []), ...terms.map((t) => (j: number) => bases.theta[t][j])];
  if (series.length === 0 || k < series.length + SPARE_DIRECTIONS) return undefined;
  const y = freeAlpha ? (j: number) => a[j] : (j: number) => a[j] - n[j];
  const fit = leastSquares(
    y,
    series,
    Array.from({ length: k }, (_, j) => j),
  );
  if (!fit) return undefined;
  const alpha = freeAlpha ? fit.coef[0] : 1;
  const beta = bases.names.map(() => 0);
  terms.forEach((t, q) => {
    beta[t] = fit.coef[q + (freeAlpha ? 1 : 0)];
  });
  const predict = (j: number) => alpha * n[j] + beta.reduce((s, b, t) => s + b * bases.theta[t][j], 0);
  return holds(input, predict, Math.abs(alpha)) ? { alpha, beta, residual: fit.residual } : undefined;
}

/** The smallest model that holds: tensors' terms dropped one at a time while the fit still holds. */
function smallest(input: DiagnosisInput, bases: DirectionBases, freeAlpha: boolean): DirectionalFit | undefined {
  let terms = bases.names.map((_, t) => t);
  let best = fitModel(input, bases, terms, freeAlpha);
  if (!best) return undefined;
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of terms) {
      const fewer = terms.filter((u) => u !== t);
      const fit = (fewer.length > 0 || freeAlpha) && fitModel(input, bases, fewer, freeAlpha);
      if (fit) {
        [terms, best, changed] = [fewer, fit, true];
        break;
      }
    }
  }
  return best;
}

function termFindings(bases: DirectionBases, fit: DirectionalFit, evidence: string, failing: number): Finding[] {
  const sets: number[][] = [];
  fit.beta.forEach((b, t) => {
    if (b === 0) return;
    const same = sets.find((ts) => near(fit.beta[ts[0]], b, 1e-3));
    if (same) same.push(t);
    else sets.push([t]);
  });
  return sets.map((ts) => {
    const d = fit.beta[ts[0]];
    const names = ts.map((t) => bases.names[t]);
    return finding({
      kind: d > 0 ? 'extra-term' : 'missing-term',
      paths: names,
      message: termMessage(nameList(names), d),
      ...(d < 0 ? { alternatives: ['wrong-sign-term' as const] } : {}),
      evidence,
      explained: failing,
      failingCount: failing,
    });
  });
}

/**
 * Fast mode's diagnoses from the directions over all of θ: a factor (or sign) that holds in
 * every direction covers every tensor; a term c·θ in some tensors shows as a fit of the
 * directional differences on each tensor's ⟨θ_T, d⟩. Each fit must hold in every direction
 * within the check's tolerance, with at least three directions to spare.
 *
 * @example
 * // a forgotten 1/m over m = 6, the L2 gradient right, 10 directions:
 * directionalFindings(input)[0].paths; // ['W1', 'b1', 'W2', 'b2']
 */
export function directionalFindings(input: DiagnosisInput): Finding[] {
  const bases = input.directionBases;
  if (!bases || !input.directions) return [];
  const failing = input.failing.reduce((s, v) => s + v, 0);
  const plain = fitModel(input, bases, [], true);
  const fit = plain ?? smallest(input, bases, true);
  if (fit && !near(fit.alpha, 1)) {
    const withTerm = fit.beta.map((b, t) => (b === 0 ? undefined : t)).filter((t): t is number => t !== undefined);
    const message = scaleMessage(
      bases.names.map((group, t) => ({
        group,
        k: fit.alpha,
        subset: false,
        ...(withTerm.includes(t) ? { c: fit.beta[t] / (1 - fit.alpha) } : {}),
      })),
    );
    const terms = withTerm.map((t) => `β(${bases.names[t]}) = ${num(fit.beta[t])}`).join(', ');
    return [
      finding({
        kind: kindOf(fit.alpha),
        paths: bases.names,
        message,
        evidence: `fit over all ${input.analytic.length} directions a = α·n${terms ? ' + Σ β_T·⟨θ_T, d⟩' : ''} with α = ${num(fit.alpha)}${terms ? `, ${terms}` : ''}, ${residualText(fit.residual)}; every direction within tolerance`,
        explained: failing,
        failingCount: failing,
      }),
    ];
  }
  const term = smallest(input, bases, false);
  if (!term || term.beta.every((b) => b === 0)) return [];
  const coefs = term.beta.map((b, t) => (b === 0 ? '' : `d(${bases.names[t]}) = ${num(b)}`)).filter(Boolean);
  const evidence = `fit over all ${input.analytic.length} directions a − n = Σ d_T·⟨θ_T, d⟩ with ${coefs.join(', ')}, ${residualText(term.residual)}; every direction within tolerance`;
  return termFindings(bases, term, evidence, failing);
}
