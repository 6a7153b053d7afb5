import { GradcheckError } from '../../numeric/errors.js';
import type { Settings } from '../settings/types.js';
import type { Budget } from './budget.js';
import type { EvaluationPlan } from './plan.js';
import type { ProgressReporter } from './progress.js';
import { preflightMessage } from './waysOut.js';

/**
 * The pre-flight (and progress) projects only from this many evaluations of the recent half
 * (see `Meter`)… Measured on P4-small in a Vitest worker: after the first call (159 ms), the
 * next eight averaged 7.7 ms against 1.2 ms later on (the check's own code being compiled,
 * on-stack replacement), so 8 evaluations in 50 ms projected 6× too long.
 */
export const PREFLIGHT_EVALUATIONS = 16;
/** …over at least this much time: a stop comes about 0.2–0.4 s into a check, still at once for a person. */
export const PREFLIGHT_MS = 200;
/**
 * Stop only when the projected time left exceeds the time left by this factor: the rate is
 * taken over the recent half of the evaluations and re-judged at every tick, but f's own
 * garbage collections and a loaded machine still move it; a check between 1× and this factor
 * over its time is left to the runner's own timeout.
 */
export const PREFLIGHT_MARGIN = 1.5;
/** The clock is read about this often: performance.now() on every call would cost a cheap f dearly. */
const TICK_MS = 10;

/**
 * Time per evaluation, progress and the pre-flight, read every stride of calls. The time per
 * evaluation is measured over the recent half of the evaluations (from a mark moved each time
 * the count doubles), so cold first calls and a busy start fade out of the projection.
 */
export class Meter {
  private markDone = 0;
  private markAt = Number.NaN;
  /** The mark before the current one: at most half the count ago. */
  private previousDone = 0;
  private previousAt = Number.NaN;
  private lastReport = Number.NaN;
  private ended = false;

  constructor(
    private readonly settings: Settings,
    private readonly plan: EvaluationPlan,
    private readonly reporter: ProgressReporter | undefined,
    private readonly budget: Budget | undefined,
  ) {}

  /** Called after evaluation `done`; returns how many calls until the next tick. */
  tick(done: number): number {
    const now = performance.now();
    if (this.ended) return Number.MAX_SAFE_INTEGER;
    if (Number.isNaN(this.markAt)) {
      // After the first call: it is the coldest, so timing starts here.
      [this.previousDone, this.previousAt, this.markDone, this.markAt, this.lastReport] = [done, now, done, now, now];
      return 1;
    }
    if (done >= 2 * this.markDone) {
      [this.previousDone, this.previousAt] = [this.markDone, this.markAt];
      [this.markDone, this.markAt] = [done, now];
    }
    const counted = done - this.previousDone;
    const span = now - this.previousAt;
    const perEvaluationMs = counted > 0 ? span / counted : Number.NaN;
    const settled = counted >= PREFLIGHT_EVALUATIONS && span >= PREFLIGHT_MS;
    // The pre-flight waits for a settled rate; progress is told every interval from the rate so far.
    if (settled && this.budget) this.preflight(done, perEvaluationMs);
    if (this.reporter && now - this.lastReport >= this.reporter.intervalMs) this.report(done, now, perEvaluationMs);
    return Math.max(1, Math.floor(TICK_MS / Math.max(perEvaluationMs, 1e-6)));
  }

  /**
   * Before an evaluation starts (async and worker checks, whose test keeps running while f
   * waits): once the time left is gone, the check stops here, and no evaluation starts after.
   */
  stopWhenOut(done: number): void {
    const budget = this.budget;
    if (!budget || this.ended) return;
    const leftMs = budget.leftMs();
    if (leftMs > 0) return;
    const perEvaluationMs = (performance.now() - this.settings.startedAt) / Math.max(1, done);
    this.end(done);
    const total = Math.max(this.plan.total, done);
    const projection = { perEvaluationMs, totalMs: perEvaluationMs * total, leftMs };
    throw new GradcheckError(preflightMessage(this.settings.caller, this.plan, budget, projection));
  }

  /** Stops the check when what is left clearly exceeds the time left. */
  private preflight(done: number, perEvaluationMs: number): void {
    const budget = this.budget as Budget;
    const total = Math.max(this.plan.total, done);
    const remainingMs = perEvaluationMs * (total - done);
    const leftMs = budget.leftMs();
    if (remainingMs <= PREFLIGHT_MARGIN * leftMs) return;
    this.end(done);
    const projection = { perEvaluationMs, totalMs: perEvaluationMs * total, leftMs };
    throw new GradcheckError(preflightMessage(this.settings.caller, this.plan, budget, projection));
  }

  private report(done: number, now: number, perEvaluationMs: number): void {
    const reporter = this.reporter as ProgressReporter;
    const total = Math.max(this.plan.total, done);
    const elapsedMs = now - this.settings.startedAt;
    const etaMs = perEvaluationMs * (total - done);
    if (elapsedMs + etaMs < reporter.minTotalMs) return;
    this.lastReport = now;
    reporter.report({ done, total, elapsedMs, etaMs });
  }

  /** The final word to the reporter, once. */
  end(done: number): void {
    if (this.ended) return;
    this.ended = true;
    const elapsedMs = performance.now() - this.settings.startedAt;
    this.reporter?.end({ done, total: Math.max(this.plan.total, done), elapsedMs, etaMs: 0 });
  }
}
