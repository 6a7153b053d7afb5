import type { EvaluationHooks } from '../../numeric/measure/protocol.js';
import { type Float32Watch, float32Watch } from '../guards/float32.js';
import type { Settings } from '../settings/types.js';
import { timeBudget } from './budget.js';
import { Meter } from './meter.js';
import type { EvaluationPlan } from './plan.js';
import { progressReporter } from './progress.js';
import { runtime } from './runtime.js';

/** What a check's driver calls around each evaluation of f, and what it watched. */
export interface EvaluationStage {
  /** Around each evaluation: the float32 watch (float64 checks), progress, the time budget. */
  readonly hooks: EvaluationHooks;
  /** Whether every value of f was float32-exact (fed in float64 checks only). */
  readonly watch: Float32Watch;
  /** Ends progress (erases the line, tells a callback the final count); idempotent. */
  end(): void;
}

/** Feeds a value of f (a number or a typed array) to the float32 watch. */
function seer(watch: Float32Watch): (value: unknown) => void {
  return (value) => {
    if (typeof value === 'number') watch.see(value);
    else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) watch.see(value as unknown as ArrayLike<number>);
  };
}

/**
 * The one evaluation stage of every check, as hooks its driver calls around each evaluation:
 * the float32 watch, progress, the pre-flight that stops a check that will clearly not fit in
 * the running test's timeout (or `options.timeLimit`) with the projection and the ways out, and
 * the hard stop once that time is up (no evaluation starts after it). With neither progress
 * nor a time budget, f's values are only watched: no clock, no cost.
 *
 * @example
 * const stage = evaluationStage(settings, { total: 2 * n, what: `full check of ${n} entries` });
 * const evaluator = new ScalarEvaluator(f, settings.caller, 'f', stage.hooks);
 * try { yield* measure(evaluator); } finally { stage.end(); }
 */
export function evaluationStage(settings: Settings, plan: EvaluationPlan): EvaluationStage {
  const watch = float32Watch();
  const see = settings.precision === 'float64' ? seer(watch) : undefined;
  const test = runtime().runningTest();
  const reporter = progressReporter(settings.progress, plan.what, test?.name);
  const budget = timeBudget(settings, test);
  if (!reporter && !budget) return { hooks: { after: see ?? (() => {}) }, watch, end: () => {} };
  const meter = new Meter(settings, plan, reporter, budget);
  let done = 0;
  let countdown = 1;
  const hooks: EvaluationHooks = {
    before: budget ? () => meter.stopWhenOut(done) : undefined,
    after: (value) => {
      see?.(value);
      done++;
      if (--countdown <= 0) countdown = meter.tick(done);
    },
    afterMany: (values) => {
      for (let k = 0; k < values.length; k++) see?.(values[k]);
      done += values.length;
      countdown = meter.tick(done);
    },
  };
  return { hooks, watch, end: () => meter.end(done) };
}
