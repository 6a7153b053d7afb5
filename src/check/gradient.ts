import {
  type DifferenceSettings,
  baseStep,
  differencePartials,
  resolvePrecision,
  richardsonPartials,
} from '../numeric/differences.js';
import { GradcheckError, formatNumber } from '../numeric/errors.js';
import { type Domain, resolveBounds } from '../numeric/domains.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { roundoffError } from '../numeric/precision.js';
import { DEFAULT_SEED, createRandom, sampleIndices } from '../numeric/random.js';
import { type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { readTheta, requireFunction, requireOptions } from '../numeric/validate.js';
import { analyticGradient } from './analytic.js';
import { agrees, isUnresolved, relativeError, summarize, tolerance, worstFirst } from './compare.js';
import { diagnose, guardHints, kinkHint } from './diagnose/index.js';
import { fastGradientCheck } from './fast.js';
import { type CheckOptions, DEFAULT_TOLERANCES, validateCheckOptions } from './options.js';
import { RECHECK_LIMIT, type RecheckOutcome, recheckSuspects } from './recheck.js';
import type { CheckSettings, GradientReport, KinkEntry, Mismatch, OneSidedEntry, UnresolvedEntry } from './report.js';
import { finishReport } from './finish.js';
import { FLOAT32_EVIDENCE, precisionHint } from './precisionHint.js';

/** A gradient: a function of θ returning a tree shaped like θ, or such a tree itself. */
export type GradientSpec<P extends Params = Params> = ((theta: P) => Params) | Params;

/**
 * Checks an analytic gradient against finite differences of f at `options.at`.
 *
 * Every entry is compared elementwise, |a − n| ≤ atol + rtol · max(|a|, |n|) + the numerical
 * error estimate of n. Central differences at the seed's step cost exactly 2n calls of f; entries
 * the first pass cannot confirm are re-checked with Richardson extrapolation (4 calls each) and
 * one-sided differences (to tell a kink from a bug), after making sure f is deterministic.
 *
 * @example
 * const f = ([x, y]: number[]) => x * x + 3 * y;
 * const report = checkGradient(f, ([x]) => [2 * x, 3], { at: [1.5, -2] });
 * report.pass;        // true
 * report.evaluations; // 4
 */
export function checkGradient<P extends Params>(
  f: (theta: P) => number,
  grad: GradientSpec<P>,
  options: CheckOptions<P>,
): GradientReport {
  return gradientCheck(f, grad, options, 'checkGradient');
}

/** The resolved settings of a check. @internal */
export function resolveSettings(opts: CheckOptions, layout: TreeLayout): CheckSettings {
  const precision = resolvePrecision(opts, layout);
  const defaults = DEFAULT_TOLERANCES[precision];
  return {
    method: opts.method ?? 'central',
    step: baseStep(opts, precision),
    precision,
    rtol: opts.rtol ?? defaults.rtol,
    atol: opts.atol ?? defaults.atol,
    maxRelativeDifference: opts.maxRelativeDifference,
    mode: opts.mode ?? 'full',
    seed: opts.seed ?? DEFAULT_SEED,
  };
}

/**
 * `checkGradient` with the name of the public function that was called, for messages.
 * @internal
 */
export function gradientCheck(f: unknown, grad: unknown, options: unknown, caller: string, subject = 'gradient'): GradientReport {
  requireFunction(f, caller, 'f (the function under test)');
  const opts = requireOptions(options, caller, '{ at: θ }') as unknown as CheckOptions;
  validateCheckOptions(opts as unknown as Record<string, unknown>, caller);
  const layout = readTheta(opts.at, caller, 'options.at');
  const settings = resolveSettings(opts, layout);
  if (settings.mode === 'fast' && opts.bounds !== undefined) {
    throw new GradcheckError(
      `${caller}: options.bounds is not supported with mode: 'fast' (its random directions move every entry); use mode: 'full' or checkConvergence`,
    );
  }
  if (settings.mode === 'fast') return fastGradientCheck(f as (theta: unknown) => unknown, grad, layout, settings, opts, caller);
  const analytic = analyticGradient(grad, layout, caller);
  const domain = resolveBounds(opts.bounds, layout, caller);
  // In float64 mode, watch whether f only ever returns float32 values (for the precision hint).
  const float32Values = { all: true, count: 0 };
  const fn = f as (theta: unknown) => unknown;
  const watched =
    settings.precision === 'float64'
      ? (theta: unknown) => {
          const v = fn(theta);
          if (typeof v === 'number' && Number.isFinite(v)) {
            float32Values.count++;
            if (Math.fround(v) !== v) float32Values.all = false;
          }
          return v;
        }
      : fn;
  const evaluator = new ScalarEvaluator(watched, caller);
  const copy = layout.workingCopy();
  const indices = opts.sample !== undefined ? sampleIndices(layout.size, opts.sample, createRandom(settings.seed)) : undefined;
  const visit = (fn: (i: number) => void) => {
    if (indices) for (const i of indices) fn(i);
    else for (let i = 0; i < layout.size; i++) fn(i);
  };
  const { rtol, atol } = settings;
  const a = analytic.values;

  let numeric: Float64Array;
  let errors: Float64Array;
  let recheck: RecheckOutcome | undefined;
  let sides: Int8Array | undefined;
  if (settings.method === 'richardson') {
    const extra = { domain, adaptive: opts.adaptive === true };
    ({
      values: numeric,
      errors,
      sides,
    } = richardsonPartials(evaluator, layout, copy, settings.step, settings.precision, indices, extra));
  } else {
    const diff: DifferenceSettings = { method: settings.method, step: settings.step, precision: settings.precision, domain };
    const partials = differencePartials(evaluator, layout, copy, diff, caller, indices);
    sides = partials.sides;
    numeric = partials.values;
    errors = new Float64Array(layout.size).fill(Number.NaN);
    visit((i) => {
      const fScale = Math.max(Math.abs(partials.fPlus[i] || 0), Math.abs(partials.fMinus[i] || 0), Math.abs(partials.f0 ?? 0));
      errors[i] = roundoffError(settings.precision, fScale, partials.steps[i]);
    });
    const suspects: number[] = [];
    visit((i) => {
      if (!agrees(a[i], numeric[i], errors[i], rtol, atol)) suspects.push(i);
    });
    // Closest to passing first: those are the ones truncation error may explain.
    const excess = (i: number) => Math.abs(a[i] - numeric[i]) / (tolerance(a[i], numeric[i], rtol, atol) + errors[i]);
    suspects.sort((p, q) => excess(p) - excess(q));
    const chosen = suspects.slice(0, RECHECK_LIMIT);
    chosen.push(...globalSuspects(a, numeric, settings.maxRelativeDifference, new Set(chosen), visit));
    if (chosen.length > 0) {
      recheck = recheckSuspects({ evaluator, layout, copy, settings: diff, partials }, chosen);
      for (const [i, entry] of recheck.entries) {
        numeric[i] = entry.value;
        errors[i] = entry.error;
      }
    }
  }

  const mismatches: Mismatch[] = [];
  const kinks: KinkEntry[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const failing = new Uint8Array(layout.size);
  visit((i) => {
    const n = numeric[i];
    const err = errors[i];
    if (agrees(a[i], n, err, rtol, atol)) {
      if (isUnresolved(a[i], n, err, rtol, atol)) {
        unresolved.push({ path: displayPath(layout.pathAt(i)), index: i, analytic: a[i], numeric: n, errorEstimate: err });
      }
      return;
    }
    const kink = recheck?.entries.get(i)?.kink;
    if (kink) {
      const matchesOneSide =
        agrees(a[i], kink.left, kink.leftError, rtol, atol) || agrees(a[i], kink.right, kink.rightError, rtol, atol);
      kinks.push({
        path: displayPath(layout.pathAt(i)),
        index: i,
        analytic: a[i],
        left: kink.left,
        right: kink.right,
        matchesOneSide,
      });
      if (matchesOneSide && (opts.kinks ?? 'report') === 'report') return;
    }
    failing[i] = 1;
    mismatches.push({
      path: displayPath(layout.pathAt(i)),
      index: i,
      analytic: a[i],
      numeric: n,
      absError: Math.abs(a[i] - n),
      relError: relativeError(a[i], n),
      tolerance: tolerance(a[i], n, rtol, atol) + err,
      errorEstimate: err,
    });
  });
  mismatches.sort(worstFirst);

  const summary = summarize(a, numeric, indices);
  const hints: string[] = [];
  const problems: string[] = [];
  const changed = copy.firstDifference(layout.values);
  const fMutation = recheck?.mutation ?? (changed >= 0 ? { index: changed, after: copy.get(changed) } : undefined);
  const guards = guardHints({ nondeterministic: recheck?.nondeterministic, analytic, fMutation, layout });
  hints.push(...guards.hints);
  problems.push(...guards.problems);
  const notRechecked =
    recheck?.nondeterministic || fMutation ? 0 : mismatches.filter((m) => !recheck?.entries.has(m.index)).length;
  if (!recheck?.nondeterministic && !fMutation && (mismatches.length > 0 || unresolved.length > 0)) {
    const unresolvedIndices = unresolved.map((u) => u.index);
    hints.push(
      ...diagnose({
        layout,
        analytic: a,
        numeric,
        errors,
        failing,
        settings,
        indices,
        rechecked: recheck?.entries,
        unresolved: unresolvedIndices,
        notRechecked,
      }),
    );
  }
  hints.push(...kinks.map((k) => kinkHint(k, opts.kinks ?? 'report')));
  // f computes in float32 but was checked as float64: entries that agree only thanks to a
  // float32-sized error estimate were not checked to the precision asked for, so the check fails,
  // and the hint (the root cause of what the diagnoses see) comes right after the guards.
  const float32Suspected = float32Values.all && float32Values.count >= FLOAT32_EVIDENCE;
  let leaning = 0;
  if (float32Suspected) visit((i) => void (Math.abs(a[i] - numeric[i]) > tolerance(a[i], numeric[i], rtol, atol) && leaning++));
  if (float32Suspected && (mismatches.length > 0 || leaning > 0)) {
    hints.splice(guards.hints.length, 0, precisionHint(settings.step));
    problems.push('float32 f in float64 mode');
  }
  const oneSided = oneSidedEntries(sides, layout, domain);
  const withinGlobal =
    settings.maxRelativeDifference === undefined || summary.relativeDifference < settings.maxRelativeDifference;
  const pass = mismatches.length === 0 && problems.length === 0 && withinGlobal;
  return finishReport(
    {
      pass,
      evaluations: evaluator.count,
      size: layout.size,
      checked: indices ? indices.length : layout.size,
      ...summary,
      mismatches,
      hints,
      kinks,
      unresolved,
      analytic: a,
      numeric,
      errorEstimates: errors,
      settings,
      ...(oneSided.length > 0 ? { oneSided } : {}),
    },
    layout,
    { subject, notRechecked, notes: oneSidedNotes(oneSided) },
  );
}

/** The entries whose stencil turned one-sided at a bound. */
function oneSidedEntries(sides: Int8Array | undefined, layout: TreeLayout, domain: Domain | undefined): OneSidedEntry[] {
  const out: OneSidedEntry[] = [];
  if (!sides || !domain) return out;
  for (let i = 0; i < sides.length; i++) {
    if (sides[i] === 0) continue;
    const side = sides[i] > 0 ? 'forward' : 'backward';
    out.push({
      path: displayPath(layout.pathAt(i)),
      index: i,
      side,
      bound: side === 'forward' ? domain.lower[i] : domain.upper[i],
    });
  }
  return out;
}

/** How many entries to name in the one-sided note. */
const ONE_SIDED_SHOWN = 5;

function oneSidedNotes(entries: readonly OneSidedEntry[]): string[] | undefined {
  if (entries.length === 0) return undefined;
  const shown = entries.slice(0, ONE_SIDED_SHOWN).map((e) => `${e.path} (${e.side}, bound ${formatNumber(e.bound)})`);
  const more = entries.length > ONE_SIDED_SHOWN ? `, …and ${entries.length - ONE_SIDED_SHOWN} more` : '';
  const verb = entries.length === 1 ? 'entry sits' : 'entries sit';
  return [
    `One-sided differences: ${entries.length} ${verb} within a step of its bound, so f was not evaluated across it: ${shown.join(', ')}${more}.`,
  ];
}

/**
 * When the seed's global criterion ‖a − n‖/‖a + n‖ < maxRelativeDifference fails on the first
 * pass, truncation error in n may be what fails it (a cubic at step 1e-4 already gives ~5e-9):
 * the entries that weigh most in ‖a − n‖ are re-checked too, so the criterion judges the
 * gradient rather than the finite difference.
 */
function globalSuspects(
  a: Float64Array,
  numeric: Float64Array,
  maxRelativeDifference: number | undefined,
  already: ReadonlySet<number>,
  visit: (fn: (i: number) => void) => void,
): number[] {
  if (maxRelativeDifference === undefined) return [];
  let diff2 = 0;
  let sum2 = 0;
  const candidates: number[] = [];
  visit((i) => {
    diff2 += (a[i] - numeric[i]) ** 2;
    sum2 += (a[i] + numeric[i]) ** 2;
    if (!already.has(i)) candidates.push(i);
  });
  if (Math.sqrt(diff2) < maxRelativeDifference * Math.sqrt(sum2)) return [];
  candidates.sort((p, q) => Math.abs(a[q] - numeric[q]) - Math.abs(a[p] - numeric[p]));
  return candidates.slice(0, RECHECK_LIMIT);
}
