import { type Float32Watch, float32Watch, watched } from '../guards/float32.js';
import type { Settings } from '../settings/types.js';
import { timeBudget } from './budget.js';
import { Meter } from './meter.js';
import type { EvaluationPlan } from './plan.js';
import { progressReporter } from './progress.js';
import { runningVitestTest } from './vitestTest.js';

/** f as a check's evaluator calls it, and what the stage watched. */
export interface EvaluationStage<T> {
  /** f wrapped: the float32 watch (float64 checks), progress and the time pre-flight. */
  readonly f: (theta: T) => unknown;
  /** Whether every value of f was float32-exact (fed in float64 checks only). */
  readonly watch: Float32Watch;
  /** Ends progress (erases the line, tells a callback the final count); f still works after. */
  end(): void;
}

/**
 * The one evaluation stage every check wraps f in before handing it to its evaluator: the
 * float32 watch, progress, and the pre-flight that stops a check that will clearly not fit in
 * the running test's timeout (or `options.timeLimit`) with the projection and the ways out.
 * With neither progress nor a time budget, f is only watched: no clock, no cost.
 *
 * @example
 * const stage = evaluationStage(f, settings, { total: 2 * n, what: `full check of ${n} entries` });
 * const evaluator = new ScalarEvaluator(stage.f, settings.caller);
 * try { measure(evaluator); } finally { stage.end(); }
 */
export function evaluationStage<T>(f: (theta: T) => unknown, settings: Settings, plan: EvaluationPlan): EvaluationStage<T> {
  const watch = float32Watch();
  const inner = settings.precision === 'float64' ? watched(f, watch) : f;
  const test = runningVitestTest();
  const reporter = progressReporter(settings.progress, plan.what, test?.name);
  const budget = timeBudget(settings, test);
  if (!reporter && !budget) return { f: inner, watch, end: () => {} };
  const meter = new Meter(settings, plan, reporter, budget);
  let done = 0;
  let countdown = 1;
  const end = () => meter.end(done);
  open.set(settings, (open.get(settings) ?? new Set<() => void>()).add(end));
  const metered = (theta: T) => {
    const value = inner(theta);
    done++;
    if (--countdown <= 0) countdown = meter.tick(done);
    return value;
  };
  return { f: metered, watch, end };
}

/** The stages of each running check, ended by its report stage (`endEvaluations`). */
const open = new WeakMap<Settings, Set<() => void>>();

/**
 * Ends every evaluation stage of a check: the report stage calls it, so a check whose evaluator
 * lives on through guards and re-checks needs no try/finally of its own (ending is idempotent).
 *
 * @example
 * endEvaluations(settings); // erases the progress line, tells a callback the final count
 */
export function endEvaluations(settings: Settings): void {
  const ends = open.get(settings);
  if (!ends) return;
  open.delete(settings);
  for (const end of ends) end();
}
