import { DirectionProbe, type DirectionalMeasure, directionalStep, rademacher } from '../numeric/directions.js';
import { formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { type Localization, localize, scaleOf, splitGroup } from '../numeric/groupTesting.js';
import { roundoffError } from '../numeric/precision.js';
import { createRandom } from '../numeric/random.js';
import { type TreeLayout, displayPath } from '../numeric/tree.js';
import { analyticGradient } from './analytic.js';
import { agrees, mismatchOf, summarize, worstFirst } from './compare.js';
import { kinkHint } from './diagnose/kink.js';
import { buildReport } from './buildReport.js';
import { KINK_GAP_RATIO } from './recheck.js';
import type { KinkEntry, Mismatch, ReportData } from './report.js';
import type { Settings } from './settings/types.js';

/**
 * Default number of random directions in fast mode. Each costs 2 calls of f. A single wrong
 * entry whose error is ρ·‖g‖₂ (g the analytic gradient, θ of order 1) shifts every Rademacher
 * directional derivative by ρ·‖g‖₂, while the tolerance is rtol·|⟨g, d⟩| + (error terms), with
 * ⟨g, d⟩ ≈ N(0, ‖g‖₂²). So one direction catches it with probability p ≈ erf(ρ / (rtol·√2)),
 * and k directions with 1 − (1 − p)ᵏ. With k = 10 at rtol 1e-5: ρ = 1e-5 → 0.99999,
 * ρ = 3e-6 → 0.93, ρ = 1e-6 → 0.56 (measured in test/layers/fast.test.ts and bench/fast.ts).
 */
export { DEFAULT_DIRECTIONS } from './settings/resolve.js';

/** erf by Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7), enough for a documented probability. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/**
 * The probability that fast mode catches a single wrong entry whose error is ρ·‖g ⊙ s‖₂
 * (sᵢ = max(1, |θᵢ|); ‖g‖₂ for θ of order 1), with `directions` Rademacher directions at
 * relative tolerance `rtol`: each direction shifts by exactly that error and passes only when
 * rtol·|⟨g, d⟩| exceeds it, with ⟨g, d⟩ ≈ N(0, ‖g ⊙ s‖₂²); so p₁ = erf(ρ / (rtol·√2)) and the
 * answer is 1 − (1 − p₁)^directions. It neglects atol and the error estimates (tiny in float64).
 *
 * @example
 * detectionProbability(1e-5, 1e-5, 10); // ≈ 0.99999
 * detectionProbability(3e-6, 1e-5, 10); // ≈ 0.93
 */
export function detectionProbability(rho: number, rtol: number, directions: number): number {
  const p = erf(rho / (rtol * Math.SQRT2));
  return 1 - (1 - p) ** directions;
}

/** At most this many wrong coordinates are localised; the rest are summarised by tensor. */
export const LOCALIZE_LIMIT = 10;

/**
 * Richardson re-check of a disagreeing direction: steps 16t, 8t, 4t (6 more calls of f).
 * Upwards, not down: f's rounding grows with the number of terms it sums (a loss over 10⁵
 * parameters carries far more than a few ulps), and a directional derivative divides it by a
 * step √n smaller than a coordinate's, so a re-check at smaller steps would drown in it. At
 * larger steps the rounding shrinks, and the extrapolation removes the larger truncation error.
 * (Measured: Σ log(1 + θᵢ²) over 10⁵ entries false-alarmed with t, t/2, t/4.) A single
 * coordinate's re-check (in localisation) uses its own step and halves it, as the full check does.
 */
export const FAST_RECHECK_LEVELS = 3;

/** The re-check of a direction starts this many times above the first step. */
export const RECHECK_STEP_FACTOR = 16;

/** How many disagreeing directions the message lists. */
const DIRECTIONS_SHOWN = 3;

/** The verdict of one random direction. */
interface DirectionResult {
  readonly index: number;
  readonly measure: DirectionalMeasure;
  readonly pass: boolean;
  readonly signs: Int8Array;
}

/**
 * Fast mode: compares the directional derivative of f along k seeded random Rademacher
 * directions d (dᵢ = ±max(1, |θᵢ|)) with the analytic gradient projected on them, ⟨g, d⟩, by
 * central differences at t = step/√n (float64; t = step in float32): exactly 2k calls of f on
 * a correct gradient whatever n is. A direction passes when |D − ⟨g, d⟩| ≤ atol·‖d‖ +
 * rtol·max(|D|, |⟨g, d⟩|) + its error estimate; one that does not is re-checked with Richardson
 * extrapolation from 16t (6 more calls) to rule out truncation and rounding. A direction that still disagrees is localised by group testing (split
 * the support at tensor boundaries, then in halves; about 2·log₂ n calls per wrong
 * coordinate), and each coordinate found is confirmed by its own central difference.
 *
 * @example
 * // Reached through checkGradient:
 * checkGradient(loss, grad, { at: θ, mode: 'fast', directions: 10, seed: 1 });
 * @internal
 */
export function fastGradientCheck(f: (theta: unknown) => unknown, grad: unknown, settings: Settings): ReportData {
  const { layout, caller } = settings;
  const analytic = analyticGradient(grad, layout, caller);
  const g = analytic.values;
  const n = layout.size;
  const k = settings.directions;
  const { rtol, atol, precision, step } = settings;
  const evaluator = new ScalarEvaluator(f, caller);
  const copy = layout.workingCopy();
  const rng = createRandom(settings.seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const t = directionalStep(step, n, precision);
  const allowed = (m: DirectionalMeasure) => atol * m.norm + rtol * scaleOf(m) + m.error;
  const disagrees = (m: DirectionalMeasure) => Math.abs(m.numeric - m.analytic) > allowed(m);

  const directions: DirectionResult[] = [];
  // Once one direction's disagreement survives its re-check the gradient is wrong: later
  // directions keep their first-pass verdict, which saves 6 calls each on a wrong gradient.
  let confirmed: number | undefined;
  for (let j = 0; j < k; j++) {
    const signs = rademacher(n, rng);
    const probe = new DirectionProbe(evaluator, layout, copy, precision, signs, g, `random direction ${j}`);
    let measure = probe.central(all, t);
    if (disagrees(measure) && confirmed === undefined) {
      measure = probe.richardson(all, RECHECK_STEP_FACTOR * t, FAST_RECHECK_LEVELS);
      if (disagrees(measure)) confirmed = j;
    }
    directions.push({ index: j, measure, pass: !disagrees(measure), signs });
  }
  const failing = directions.filter((d) => !d.pass);
  let unexplained = failing;

  const hints: string[] = [];
  const notes: string[] = [];
  const mismatches: Mismatch[] = [];
  const kinks: KinkEntry[] = [];
  /** f(θ) from the determinism probe (for one-sided quotients at kinks). */
  let f0 = Number.NaN;
  const policy = settings.kinks;
  const numeric = new Float64Array(n).fill(Number.NaN);
  const errors = new Float64Array(n).fill(Number.NaN);
  let problem = false;

  if (failing.length > 0) {
    // A non-deterministic f makes every difference meaningless: probe f(θ) twice first.
    const f1 = evaluator.call(copy.root(), {});
    const f2 = evaluator.call(copy.root(), {});
    f0 = f1;
    if (f1 !== f2) {
      problem = true;
      hints.push(
        `f is not deterministic: f(θ) returned ${formatNumber(f1)} and ${formatNumber(f2)} at the same θ. Finite differences need a pure function: turn off dropout and random sampling, fix the seed, and reset state kept between calls.`,
      );
    } else {
      const worst = directions[confirmed ?? failing[0].index];
      const before = evaluator.count;
      const found = localizeDirection(worst);
      notes.push(localizationNote(found, worst.index, evaluator.count - before));
      if (mismatches.length === 0 && kinks.length > 0 && kinks.every((k) => k.matchesOneSide) && policy === 'report') {
        // The central differences straddle the kinks: each contributes (left + right)/2 − g.
        unexplained = failing.filter((d) => !explainedByKinks(d));
      }
    }
  }

  function explainedByKinks(d: DirectionResult): boolean {
    let shift = 0;
    let slack = 0;
    for (const k of kinks) {
      const di = d.signs[k.index] * Math.max(1, Math.abs(layout.values[k.index]));
      shift += ((k.left + k.right) / 2 - k.analytic) * di;
      slack += (Math.abs(k.left - k.right) / 2) * Math.abs(di) * 1e-3;
    }
    const m = d.measure;
    return Math.abs(m.numeric - m.analytic - shift) <= allowed(m) + slack;
  }

  function localizeDirection(direction: DirectionResult): Localization {
    const probe = new DirectionProbe(
      evaluator,
      layout,
      copy,
      precision,
      direction.signs,
      g,
      `random direction ${direction.index}`,
    );
    const boundaries = layout.tensors.map((tensor) => tensor.offset);
    return localize(
      all,
      direction.measure,
      {
        measure: (group) => probe.central(group, directionalStep(step, group.length, precision)),
        disagrees,
        split: (group) => splitGroup(group, boundaries),
        confirm: (i, measured) => {
          // A one-coordinate measure is the coordinate's own central difference at hᵢ = step·max(1, |θᵢ|).
          let m = measured ?? probe.central(Int32Array.of(i), step);
          const di = probe.component(i);
          if (!agrees(g[i], m.numeric / di, m.error / Math.abs(di), rtol, atol)) {
            m = probe.richardson(Int32Array.of(i), step, FAST_RECHECK_LEVELS, m);
          }
          const value = m.numeric / di;
          const err = m.error / Math.abs(di);
          numeric[i] = value;
          errors[i] = err;
          if (agrees(g[i], value, err, rtol, atol)) return false;
          const kink = kinkAt(i, m, di);
          if (kink) {
            kinks.push(kink);
            if (kink.matchesOneSide && policy === 'report') return false;
          }
          mismatches.push(mismatchOf(displayPath(layout.pathAt(i)), i, g[i], value, err, rtol, atol));
          return true;
        },
      },
      LOCALIZE_LIMIT,
    );
  }

  /**
   * One-sided derivatives of coordinate i from the stencils of its Richardson re-check (steps
   * hᵢ and hᵢ/4) against f(θ) from the determinism probe: no extra calls of f. A kink when
   * their gap does not shrink with the step; each side is extrapolated, (4·D(h/4) − D(h))/3.
   */
  function kinkAt(i: number, m: DirectionalMeasure, di: number): KinkEntry | undefined {
    const stencils = m.stencils ?? [];
    const coarse = stencils[0];
    if (!coarse) return undefined;
    const fine = stencils.find((s) => s.t <= (coarse.t / 4) * (1 + 1e-12));
    if (!fine) return undefined;
    const right = (s: { t: number; fPlus: number; fMinus: number }) =>
      (di > 0 ? s.fPlus - f0 : s.fMinus - f0) / (s.t * Math.abs(di));
    const left = (s: { t: number; fPlus: number; fMinus: number }) =>
      (di > 0 ? f0 - s.fMinus : f0 - s.fPlus) / (s.t * Math.abs(di));
    const [r1, l1, r4, l4] = [right(coarse), left(coarse), right(fine), left(fine)];
    const fScale = Math.max(
      Math.abs(f0),
      Math.abs(coarse.fPlus),
      Math.abs(coarse.fMinus),
      Math.abs(fine.fPlus),
      Math.abs(fine.fMinus),
    );
    const noise = 2 * roundoffError(precision, fScale, fine.t * Math.abs(di));
    const gap1 = Math.abs(r1 - l1);
    const gap4 = Math.abs(r4 - l4);
    if (!(gap4 > KINK_GAP_RATIO * gap1 && gap4 > 10 * noise)) return undefined;
    const rightValue = (4 * r4 - r1) / 3;
    const leftValue = (4 * l4 - l1) / 3;
    const rightError = Math.abs(r4 - r1) / 3 + noise;
    const leftError = Math.abs(l4 - l1) / 3 + noise;
    const matchesOneSide = agrees(g[i], leftValue, leftError, rtol, atol) || agrees(g[i], rightValue, rightError, rtol, atol);
    return { path: displayPath(layout.pathAt(i)), index: i, analytic: g[i], left: leftValue, right: rightValue, matchesOneSide };
  }

  function localizationNote(found: Localization, index: number, cost: number): string {
    const what =
      found.found.length === 0
        ? kinks.length > 0
          ? `found no wrong coordinate, and a kink at ${kinks.map((x) => x.path).join(', ')}`
          : 'found no single coordinate to blame (the error may be spread thinly over many entries)'
        : `found ${found.found.length} wrong coordinate${found.found.length === 1 ? '' : 's'}${found.truncated ? ` (stopped at the limit of ${LOCALIZE_LIMIT}; there are more)` : ''}`;
    return `Localised by group testing along direction ${index}: ${what} in ${cost} evaluations of f.`;
  }

  mismatches.sort(worstFirst);
  hints.push(...directionHints(directions), ...fastHints(mismatches, layout, g));
  notes.unshift(
    `Fast mode: ${k} random Rademacher directions (seed ${settings.seed}), step ${formatNumber(t)} along each; ${failing.length} of ${k} disagree${
      confirmed === undefined ? '' : ` (direction ${confirmed} after a Richardson re-check, later ones by their first difference)`
    }${
      failing.length > unexplained.length
        ? `, ${failing.length - unexplained.length} of them only because of the kink${kinks.length > 1 ? 's' : ''} at ${kinks.map((x) => x.path).join(', ')}`
        : ''
    }.`,
    ...failing
      .slice(0, DIRECTIONS_SHOWN)
      .map(
        (d) =>
          `  direction ${d.index}: ⟨g, d⟩ = ${formatNumber(d.measure.analytic)}, finite difference ${formatNumber(d.measure.numeric)} (± ${formatNumber(d.measure.error)})`,
      ),
  );
  hints.push(...kinks.map((k) => kinkHint(k, policy)));
  if (unexplained.length > 0 && mismatches.length === 0 && !problem) problem = true;

  const da = Float64Array.from(directions, (d) => d.measure.analytic);
  const dn = Float64Array.from(directions, (d) => d.measure.numeric);
  return buildReport(
    settings,
    'fast',
    {
      pass: unexplained.length === 0 && mismatches.length === 0 && !problem,
      evaluations: evaluator.count,
      size: n,
      checked: k,
      ...summarize(da, dn),
      mismatches,
      hints,
      kinks,
      unresolved: [],
      analytic: g,
      numeric,
      errorEstimates: errors,
    },
    {
      disagreeing: unexplained.length,
      reference: `directional derivatives along ${k} random directions, central differences with Richardson re-checks, ${precision}`,
      notes,
    },
  );
}

/**
 * A whole-gradient sign error or factor shows in every direction at once: ⟨g, d⟩ = k·D for
 * the same k. Stated only when a least-squares fit over all directions leaves a residual below
 * 1e-3 (and there are at least 2 directions).
 */
function directionHints(directions: readonly DirectionResult[]): string[] {
  if (directions.length < 2) return [];
  let an = 0;
  let nn = 0;
  let aa = 0;
  for (const d of directions) {
    an += d.measure.analytic * d.measure.numeric;
    nn += d.measure.numeric ** 2;
    aa += d.measure.analytic ** 2;
  }
  if (nn === 0 || aa === 0) return [];
  const k = an / nn;
  let r = 0;
  for (const d of directions) r += (d.measure.analytic - k * d.measure.numeric) ** 2;
  const residual = Math.sqrt(r / aa);
  if (residual >= 1e-3 || Math.abs(k - 1) <= 1e-3) return [];
  const fit = `along all ${directions.length} directions (least-squares fit, residual ${formatNumber(residual)})`;
  if (Math.abs(k + 1) < 1e-3)
    return [
      `Sign error: the analytic gradient is −1 × the numerical one ${fit}. Check the sign of the loss or of an update term.`,
    ];
  return [
    `Uniform factor: the analytic gradient is ${formatNumber(k)} × the numerical one ${fit}. Did you average over the batch twice, or forget a 1/m?`,
  ];
}

/** Diagnoses from the localised coordinates: sign flips and tensors whose gradient is all zero. */
function fastHints(mismatches: readonly Mismatch[], layout: TreeLayout, g: Float64Array): string[] {
  const hints: string[] = [];
  const flips = mismatches.filter((m) => m.analytic !== 0 && Math.abs(m.analytic + m.numeric) <= 1e-3 * Math.abs(m.numeric));
  if (flips.length > 0) {
    hints.push(`Sign error at ${flips.map((m) => m.path).join(', ')}: the analytic value is −1 × the numerical one there.`);
  }
  const tensors = new Set(mismatches.filter((m) => m.analytic === 0).map((m) => layout.tensorAt(m.index)));
  for (const tensor of tensors) {
    let allZero = true;
    for (let i = tensor.offset; i < tensor.offset + tensor.size && allZero; i++) allZero = g[i] === 0;
    if (allZero && tensor.size > 1) {
      hints.push(
        `Missing term: the analytic gradient of ${displayPath(tensor.name)} is zero in all ${tensor.size} entries, but f changes along it. Was its gradient never accumulated (a bias or a skipped branch)?`,
      );
    }
  }
  return hints;
}
