import { GradcheckError } from '../../numeric/errors.js';
import type { ReportData } from '../report.js';
import { evaluateCalls } from './evaluate.js';
import type { Replay } from './replay.js';
import { Suspend } from './placeholder.js';

/**
 * Rounds after which the replay gives up. A check settles in 2–6 rounds (collect, evaluate,
 * re-check, confirm), plus one per step of a sequential search (fast mode's group testing: about
 * 2·log₂ n per wrong coordinate); a bound this far above means the replay itself is broken.
 */
export const MAX_ROUNDS = 10_000;

/**
 * Runs a synchronous check on an async f by replay: run it with every user function behind a
 * synchronous memo; the calls it asks for that are not known yet get a placeholder and are
 * queued; evaluate the queue (at most `concurrency` in flight) and run again, until a run asks
 * for nothing new. That run saw only real values, in the order the synchronous check asks for
 * them, so its report *is* the synchronous check's report — the check is written once.
 *
 * An error in a run that asked for unknown values is the placeholders' doing and is dropped;
 * one in a run that saw only real values is the check's answer and is thrown.
 *
 * `report.evaluations` counts the real calls of the function the check counts (f, or
 * `options.gradient` for a Hessian by gradient): those of the synchronous check plus any a
 * collecting run asked for and the final run did not (placeholders built from the analytic
 * derivative keep that at zero in the common cases); `durationMs` is the whole async check.
 *
 * @example
 * const report = await runAsync(() => gradientCheck(replay.f, replay.grad, options, caller), replay, 8);
 * @internal
 */
export async function runAsync(run: () => ReportData, replay: Replay, concurrency: number): Promise<ReportData> {
  const startedAt = performance.now();
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    replay.startRun();
    let report: ReportData | undefined;
    let failure: unknown;
    try {
      report = run();
    } catch (error) {
      failure = error;
    }
    const asked = replay.takeQueue();
    if (asked.length === 0) {
      if (report === undefined) throw failure instanceof Suspend ? internalError('suspended without asking') : failure;
      return finish(report, replay, startedAt);
    }
    await evaluateCalls(asked, concurrency);
  }
  throw internalError(`did not settle after ${MAX_ROUNDS} rounds of evaluation`);
}

function internalError(what: string): GradcheckError {
  return new GradcheckError(`gradcheck internal error: the async replay ${what}; please report it with the check's options`);
}

/** The final run's report, with the real calls of the counted function and the whole duration. */
function finish(report: ReportData, replay: Replay, startedAt: number): ReportData {
  const counted = replay.counted;
  const unused = counted ? counted.realCalls - counted.callsThisRun : 0;
  return { ...report, evaluations: report.evaluations + Math.max(0, unused), durationMs: performance.now() - startedAt };
}
