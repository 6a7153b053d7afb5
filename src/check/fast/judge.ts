/**
 * The judge stage of fast mode: which disagreeing directions stay unexplained once the
 * localised kinks are accounted for, and the verdict with the global criterion.
 */
import { type Summary, summarize } from '../compare.js';
import type { KinkEntry } from '../report.js';
import type { DirectionResult } from './directions.js';
import { explainedByKinks, kinkShift } from './kinks.js';
import type { Localised } from './localise.js';
import type { FastRun } from './run.js';

/** The verdicts over the directions. */
export interface DirectionVerdicts {
  readonly failing: readonly DirectionResult[];
  /** Failing directions that no named kink explains: each fails the check. */
  readonly unexplained: readonly DirectionResult[];
  /** Kinks that were named (and, with `kinks: 'report'`, passed) along the way. */
  readonly kinks: readonly KinkEntry[];
  /** ‖a − n‖/‖a + n‖ and the max errors over the directions that count (a = ⟨g, d⟩, n = D). */
  readonly summary: Summary;
}

/**
 * Whether the kinks found explain failures at all: only when localisation found nothing else
 * wrong, every kink matches a side and `kinks: 'report'` excuses them.
 */
function kinksExcuse(run: FastRun, localised: Localised | undefined): localised is Localised {
  if (!localised || localised.mismatches.length > 0 || localised.kinks.length === 0) return false;
  return run.settings.kinks === 'report' && localised.kinks.every((k) => k.matchesOneSide);
}

/**
 * The finite differences the summary compares with ⟨g, d⟩: a direction the kinks explain
 * counts without their share (`kinkShift`), so that, as a kink entry in the full check, a
 * kink weighs in no summary figure and `maxRelativeDifference` judges the gradient, not the kink.
 */
function judgedNumeric(
  run: FastRun,
  directions: readonly DirectionResult[],
  explained: ReadonlySet<DirectionResult>,
  kinks: readonly KinkEntry[],
): Float64Array {
  return Float64Array.from(directions, (d) => d.measure.numeric - (explained.has(d) ? kinkShift(run, d, kinks).shift : 0));
}

/**
 * Judges the directions: which disagree, which no kink explains (each fails the check in the
 * report tail's pass rule), and ‖a − n‖/‖a + n‖ over the directional derivatives with the
 * kinks' share taken out (for `maxRelativeDifference`).
 *
 * @example
 * judgeDirections(run, directions, localised).unexplained.length; // 1 when a direction disagrees
 */
export function judgeDirections(
  run: FastRun,
  directions: readonly DirectionResult[],
  localised: Localised | undefined,
): DirectionVerdicts {
  const failing = directions.filter((d) => !d.pass);
  const excused = kinksExcuse(run, localised);
  const unexplained = excused ? failing.filter((d) => !explainedByKinks(run, d, localised.kinks)) : failing;
  const explained = new Set(failing.filter((d) => !unexplained.includes(d)));
  const kinks = localised?.kinks ?? [];
  const analytic = Float64Array.from(directions, (d) => d.measure.analytic);
  const summary = summarize(analytic, judgedNumeric(run, directions, explained, kinks));
  return { failing, unexplained, kinks, summary };
}
