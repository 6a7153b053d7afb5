/**
 * The last stages of fast mode: diagnoses (when something failed and f can be trusted) and the
 * report, plain data for `format`.
 */
import { describeMethod } from '../../numeric/methods/describe.js';
import { reportTail } from '../_internals/tail.js';
import type { ReportData } from '../report.js';
import type { DirectionResult } from './directions.js';
import { type FastDiagnoses, directionsInput, entriesInput, fastDiagnoses } from './diagnoses.js';
import type { FastGuards } from './guards.js';
import type { DirectionVerdicts } from './judge.js';
import type { Localised } from './localise.js';
import { directionNotes, globalNote, localisationNote } from './notes.js';
import type { FastRun } from './run.js';

/** Everything the report stage of fast mode needs. */
export interface FastOutcome {
  readonly directions: readonly DirectionResult[];
  /** The direction whose disagreement a Richardson re-check confirmed. */
  readonly confirmed: number | undefined;
  readonly guards: FastGuards;
  readonly localised: Localised | undefined;
  readonly verdicts: DirectionVerdicts;
}

/**
 * The diagnose stage: none when every direction agrees, none beyond the guards' when f cannot
 * be trusted (as in the full check), otherwise `fastDiagnoses` over the registry's inputs.
 *
 * @example
 * diagnoseFast(run, outcome).hints; // ['Sign error at [17]: the analytic value is −1 × the numerical one there.']
 */
export function diagnoseFast(run: FastRun, o: FastOutcome): FastDiagnoses {
  if (o.verdicts.failing.length === 0 || o.guards.invalid) return { hints: [], diagnoses: [] };
  return fastDiagnoses(directionsInput(run, o.directions), o.localised && entriesInput(run, o.localised));
}

/**
 * The report of a fast check: directions counted and summarised (`checked` = k), the
 * localised coordinates as mismatches with their partial derivatives (NaN elsewhere), the
 * guards' diagnoses first, then the registry's (the kinks among them).
 *
 * @example
 * finishFast(run, outcome).details.notes[0]; // 'Fast mode: 10 random Rademacher directions (seed 0), …'
 */
export function finishFast(run: FastRun, o: FastOutcome): ReportData {
  const { settings, layout } = run;
  const { verdicts, guards, localised } = o;
  const notSeen = () => new Float64Array(layout.size).fill(Number.NaN);
  const reference = `directional derivatives along ${settings.directions} random directions, ${describeMethod(run.method)} with Richardson re-checks, ${settings.precision}`;
  const notes = [
    ...directionNotes(run, verdicts, o.confirmed),
    ...(localised ? [localisationNote(localised)] : []),
    ...globalNote(run, verdicts),
  ];
  return reportTail({
    settings,
    check: 'fast',
    evaluations: run.evaluator.count,
    size: layout.size,
    checked: settings.directions,
    summary: verdicts.summary,
    mismatches: localised?.mismatches ?? [],
    kinks: verdicts.kinks,
    unresolved: [],
    analytic: run.g,
    numeric: localised?.numeric ?? notSeen(),
    errors: localised?.errors ?? notSeen(),
    disagreeing: verdicts.unexplained.length,
    guards,
    diagnose: () => diagnoseFast(run, o),
    extras: { disagreeing: verdicts.unexplained.length, reference, notes },
  });
}
