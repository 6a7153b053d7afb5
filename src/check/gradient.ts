import type { Domain } from '../numeric/domains.js';
import { formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { createRandom, sampleIndices } from '../numeric/random.js';
import { type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { analyticGradient } from './analytic.js';
import { summarize, tolerance } from './compare.js';
import { diagnose, guardHints, kinkHint } from './diagnose/index.js';
import { type Visit, estimateNumeric } from './estimate.js';
import { fastGradientCheck } from './fast.js';
import { buildReport } from './buildReport.js';
import { precisionHint, watchFloat32 } from './precisionHint.js';
import type { OneSidedEntry, ReportData } from './report.js';
import { resolveSettings } from './settings/resolve.js';
import { judgeEntries } from './verdict.js';

/** A gradient: a function of θ returning a tree shaped like θ, or such a tree itself. */
export type GradientSpec<P extends Params = Params> = ((theta: P) => Params) | Params;

/**
 * `checkGradient` with the name of the public function that was called, for messages.
 * @internal
 */
export function gradientCheck(f: unknown, grad: unknown, options: unknown, caller: string, subject = 'gradient'): ReportData {
  requireFunction(f, caller, 'f (the function under test)');
  const settings = resolveSettings(options, subject === 'derivative' ? 'derivative' : 'gradient', caller);
  const { layout, domain } = settings;
  if (settings.mode === 'fast') return fastGradientCheck(f as (theta: unknown) => unknown, grad, settings);
  const analytic = analyticGradient(grad, layout, caller);
  // In float64 mode, watch whether f only ever returns float32 values (for the precision hint).
  const watch = watchFloat32(f as (theta: unknown) => unknown);
  const evaluator = new ScalarEvaluator(settings.precision === 'float64' ? watch.f : (f as (theta: unknown) => unknown), caller);
  const copy = layout.workingCopy();
  const indices =
    settings.sample !== undefined ? sampleIndices(layout.size, settings.sample, createRandom(settings.seed)) : undefined;
  const visit: Visit = (fn) => {
    if (indices) for (const i of indices) fn(i);
    else for (let i = 0; i < layout.size; i++) fn(i);
  };
  const a = analytic.values;
  const { numeric, errors, recheck, sides } = estimateNumeric(
    { evaluator, layout, copy, settings, domain, adaptive: settings.adaptive, indices, visit, caller },
    a,
  );
  const kinkPolicy = settings.kinks;
  const { mismatches, kinks, unresolved, failing } = judgeEntries(
    a,
    numeric,
    errors,
    recheck,
    layout,
    settings,
    kinkPolicy,
    visit,
  );

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
        unresolved: unresolved.map((u) => u.index),
        notRechecked,
      }),
    );
  }
  hints.push(...kinks.map((k) => kinkHint(k, kinkPolicy)));
  // f computes in float32 but was checked as float64: entries that agree only thanks to a
  // float32-sized error estimate were not checked to the precision asked for, so the check fails,
  // and the hint (the root cause of what the diagnoses see) comes right after the guards.
  if (settings.precision === 'float64' && watch.suspected()) {
    let leaning = 0;
    visit((i) => void (Math.abs(a[i] - numeric[i]) > tolerance(a[i], numeric[i], settings.rtol, settings.atol) && leaning++));
    if (mismatches.length > 0 || leaning > 0) {
      hints.splice(guards.hints.length, 0, precisionHint(settings.step));
      problems.push('float32 f in float64 mode');
    }
  }
  const summary = summarize(a, numeric, indices);
  const oneSided = oneSidedEntries(sides, layout, domain);
  const withinGlobal =
    settings.maxRelativeDifference === undefined || summary.relativeDifference < settings.maxRelativeDifference;
  const pass = mismatches.length === 0 && problems.length === 0 && withinGlobal;
  const check = subject === 'derivative' ? 'derivative' : 'gradient';
  return buildReport(
    settings,
    check,
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
      ...(oneSided.length > 0 ? { oneSided } : {}),
    },
    { notRechecked, notes: oneSidedNotes(oneSided) },
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

function oneSidedNotes(entries: readonly OneSidedEntry[]): string[] {
  if (entries.length === 0) return [];
  const shown = entries.slice(0, ONE_SIDED_SHOWN).map((e) => `${e.path} (${e.side}, bound ${formatNumber(e.bound)})`);
  const more = entries.length > ONE_SIDED_SHOWN ? `, …and ${entries.length - ONE_SIDED_SHOWN} more` : '';
  const verb = entries.length === 1 ? 'entry sits' : 'entries sit';
  return [
    `One-sided differences: ${entries.length} ${verb} within a step of its bound, so f was not evaluated across it: ${shown.join(', ')}${more}.`,
  ];
}
