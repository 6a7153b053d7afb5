import { tolerance } from '../../compare.js';
import { near, robustFit } from '../fit.js';
import { type Finding, finding } from '../finding.js';
import { compared, errorAt, failingOf, fullyCompared, informative } from '../scope.js';
import { nameList, num, residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { type Layer, unitIndices } from './units.js';

/** One unit's fit a = k·(n − c·θ') + c·θ'; k = ∞ for a unit whose numerical values vanish and analytic ones do not. */
interface UnitFit {
  readonly k: number;
  readonly residual: number;
}

/** The term c·θ' of a unit: θ on the weights, and on the bias entry only when `termOnBias`. */
type Term = { readonly c: number; readonly onBias: boolean };

function fitUnit(input: DiagnosisInput, idx: readonly number[], term: Term, bias?: number): UnitFit | undefined {
  const { analytic: a, numeric: n, theta } = input;
  const t = (i: number) => (theta && term.c !== 0 && (term.onBias || i !== bias) ? term.c * theta[i] : 0);
  const { rtol, atol } = input.settings;
  const quiet = idx.every((i) => Math.abs(n[i] - t(i)) <= tolerance(a[i], n[i], rtol, atol) + errorAt(input, i));
  if (quiet)
    return idx.every((i) => Math.abs(a[i] - t(i)) <= tolerance(a[i], n[i], rtol, atol))
      ? undefined
      : { k: Number.POSITIVE_INFINITY, residual: 0 };
  // One entry carrying a value fits any factor: a unit's factor needs two (a diagonal Jacobian's rows have one).
  if (informative(input, idx).length < 2) return undefined;
  const fit = robustFit(
    (i) => a[i] - t(i),
    [(i) => n[i] - t(i)],
    idx,
    (i, fitted, coef) =>
      Math.max(tolerance(a[i], fitted + t(i), rtol, atol) + Math.abs(coef[0]) * errorAt(input, i), Number.MIN_VALUE),
  );
  return fit && fit.outliers.length === 0 ? { k: fit.coef[0], residual: fit.residual } : undefined;
}

/**
 * The term coefficient c, from per-unit fits a = k·n + β·θ (c = β / (1 − k)) over each unit's
 * weights (a regulariser usually skips the bias, whose entry would spoil the fit), as their median.
 */
function estimateTerm(input: DiagnosisInput, units: readonly number[][], bias?: EntryGroup): number | undefined {
  const { analytic: a, numeric: n, theta } = input;
  if (!theta) return undefined;
  const skip = new Set(bias?.indices ?? []);
  const cs: number[] = [];
  for (const unit of units) {
    const idx = unit.filter((i) => !skip.has(i));
    if (idx.length < 4) continue;
    const fit = robustFit(
      (i) => a[i],
      [(i) => n[i], (i) => theta[i]],
      idx,
      (i, fitted) =>
        Math.max(tolerance(a[i], fitted, input.settings.rtol, input.settings.atol) + errorAt(input, i), Number.MIN_VALUE),
    );
    if (fit && !near(fit.coef[0], 1)) cs.push(fit.coef[1] / (1 - fit.coef[0]));
  }
  if (cs.length === 0) return undefined;
  cs.sort((p, q) => p - q);
  return cs[Math.floor(cs.length / 2)];
}

/** Fits every unit with one term; undefined unless every failing unit fits and the factors differ. */
function fitUnits(
  input: DiagnosisInput,
  units: readonly number[][],
  term: Term,
  bias?: EntryGroup,
): (UnitFit | undefined)[] | undefined {
  const fits = units.map((idx, u) => fitUnit(input, idx, term, bias?.indices[u]));
  if (units.some((idx, u) => fits[u] === undefined && idx.some((i) => input.failing[i] === 1))) return undefined;
  const ks = fits.filter((f): f is UnitFit => f !== undefined).map((f) => f.k);
  // An infinite "factor" (numerical values 0, analytic not: a unit that is off) is no factor: that is enters-at's evidence.
  if (!ks.every(Number.isFinite)) return undefined;
  const off = ks.filter((k) => !near(k, 1));
  const distinct = ks.some((k) => !near(k, ks[0], 1e-3));
  return off.length >= 1 && distinct ? fits : undefined;
}

/** Advice from the inverse factors 1/kᵤ: which activation derivative they look like. */
function advice(inverses: readonly number[], feeds: string): string {
  const inUnit = inverses.every((r) => r > 0 && r <= 1 + 1e-3);
  const slopes = inverses.filter((r) => !near(r, 1));
  if (inUnit && slopes.length > 0 && slopes.every((r) => near(r, slopes[0]))) {
    return `The factors are 1 on some units and ${num(1 / slopes[0])} on the others: is the derivative of the leaky ReLU that ${feeds} feeds missing (leaky ReLU′ = 1 on active units, ${num(slopes[0])} on the others)?`;
  }
  if (inUnit) {
    const sigmoid = inverses.every((r) => r <= 0.25 + 1e-3) ? ', or σ′ = σ(1 − σ) ≤ ¼ for a sigmoid' : ', or softplus′ = σ';
    return `Their inverses lie in (0, 1], as tanh′ = 1 − h² does${sigmoid}: is the derivative of the activation that ${feeds} feeds missing (δ = (Wᵀδ′) ⊙ (1 − h²) for tanh)?`;
  }
  if (inverses.every((r) => r > 1))
    return 'The factors lie in (0, 1): an activation derivative applied twice, or applied where f has none?';
  return 'A per-unit scale applied on one side only (a normalisation, a mask, a per-unit learning rate)?';
}

function report(
  input: DiagnosisInput,
  layer: Layer,
  byRow: boolean,
  term: Term,
  fits: readonly (UnitFit | undefined)[],
): Finding {
  const groups = byRow && layer.bias ? [layer.weight, layer.bias] : [layer.weight];
  const W = layer.weight.name;
  const failing = groups.flatMap((g) => failingOf(input, compared(input, g)));
  const fitted = fits.filter((f): f is UnitFit => f !== undefined);
  const ks = fitted.map((f) => f.k);
  const inverses = ks.map((k) => 1 / k);
  const unit = byRow ? (layer.bias ? `a row of ${W} with its ${layer.bias.name} entry` : `a row of ${W}`) : `a column of ${W}`;
  const termNote = term.c !== 0 ? ` (apart from the term ${num(term.c)}·θ, which is right)` : '';
  const lead = byRow ? advice(inverses, W) : 'A per-input scale applied on one side only (an input normalisation or a mask)?';
  const finite = ks.filter(Number.isFinite);
  return finding({
    kind: 'per-unit-factor',
    paths: groups.map((g) => g.name),
    message: `Per-unit factor in ${nameList(groups.map((g) => g.name))}: along each unit (${unit}) the analytic values are a constant multiple of the numerical ones${termNote}, a different one per unit. ${lead}`,
    evidence: `per-unit fits a = kᵤ·n on ${fitted.length} units: k from ${num(Math.min(...finite))} to ${num(Math.max(...finite))}${finite.length < ks.length ? ' (and ∞ where n = 0)' : ''}, worst ${residualText(Math.max(...fitted.map((f) => f.residual)))}${term.c !== 0 ? `; term c·θ with c = ${num(term.c)} from per-unit fits a = k·n + β·θ` : ''}`,
    explained: failing.length,
    failingCount: failing.length,
  });
}

/**
 * Per-unit factor: along each unit of a layer (a row of its weight matrix with its bias entry,
 * or a column) the analytic values are a constant multiple of the numerical ones, a different
 * one per unit — a missing activation derivative (tanh′ = 1 − h², σ′, ReLU′) or a per-unit
 * scale. A term c·θ added correctly (L2 on the weights) is allowed.
 *
 * @example
 * // backprop through tanh without (1 − h²), one example:
 * perUnitDetector(input, { weight: W1, bias: b1 })?.paths; // ['W1', 'b1']
 */
export function perUnitDetector(input: DiagnosisInput, layer: Layer): Finding | undefined {
  const W = layer.weight;
  const [rows, cols] = W.shape;
  if (!fullyCompared(input, W) || (layer.bias && !fullyCompared(input, layer.bias))) return undefined;
  const byRows = Array.from({ length: rows }, (_, u) => unitIndices(layer, u));
  const byCols = Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, r) => W.indices[r * cols + j]));
  for (const [units, byRow] of [
    [byRows, true],
    [byCols, false],
  ] as const) {
    if (units.length < 2) continue;
    const c = estimateTerm(input, units, byRow ? layer.bias : undefined);
    const terms: Term[] = [
      { c: 0, onBias: false },
      ...(c === undefined
        ? []
        : [
            { c, onBias: false },
            { c, onBias: true },
          ]),
    ];
    for (const term of terms) {
      const fits = fitUnits(input, units, term, byRow ? layer.bias : undefined);
      if (fits) return report(input, layer, byRow, term, fits);
    }
  }
  return undefined;
}
