import type { Budget } from './budget.js';
import { type EvaluationPlan, formatDuration, groupDigits } from './plan.js';

/** What the pre-flight measured: time per evaluation and the projected total. */
export interface Projection {
  readonly perEvaluationMs: number;
  readonly totalMs: number;
  readonly leftMs: number;
}

/** A share of the time limit a suggested sample or shard should fill: room for re-checks and noise. */
const FILL = 0.5;
/** Fast mode's default cost: 2 evaluations for each of its 10 directions. */
const FAST_EVALUATIONS = 20;

/**
 * The pre-flight's message: the projection, then the ways out that apply (fast mode, a sample
 * and shards for a full gradient check; a larger timeout or timeLimit always).
 *
 * @example
 * preflightMessage('checkGradient', plan, budget, { perEvaluationMs: 2.7, totalMs: 52_000, leftMs: 4900 });
 * // 'checkGradient: this full check of 9 610 entries will take about 52 s (19 220 evaluations …'
 */
export function preflightMessage(caller: string, plan: EvaluationPlan, budget: Budget, p: Projection): string {
  const left = budget.source === 'test' ? 'the test has' : 'options.timeLimit leaves';
  const head =
    `${caller}: this ${plan.what} will take about ${formatDuration(p.totalMs)} ` +
    `(${groupDigits(plan.total)} evaluations of ${plan.of ?? 'f'} at ${perEvaluation(p.perEvaluationMs)} each), ` +
    `but ${left} ${formatDuration(Math.max(0, p.leftMs))} left.`;
  const ways = [...coordinateWays(plan, budget, p), largerLimit(budget, p)];
  return `${head} Use ${ways.slice(0, -1).join(', ')}${ways.length > 1 ? ', or ' : ''}${ways[ways.length - 1]}.`;
}

/** '2.7 ms', '0.12 ms': per-evaluation times are often under a millisecond. */
function perEvaluation(ms: number): string {
  if (ms >= 10) return formatDuration(ms);
  return `${ms < 1 ? ms.toPrecision(2) : ms.toFixed(1)} ms`;
}

/** fast mode, a sample and shards: only for a full gradient check, which has coordinates to split. */
function coordinateWays(plan: EvaluationPlan, budget: Budget, p: Projection): string[] {
  const n = plan.coordinates;
  if (n === undefined) return [];
  const perCoordinate = p.totalMs / n;
  const fast = `mode: 'fast' (${FAST_EVALUATIONS} evaluations, about ${formatDuration(FAST_EVALUATIONS * p.perEvaluationMs)})`;
  const sample = Math.floor((FILL * budget.limitMs) / perCoordinate);
  const ways = [fast];
  if (sample >= 1 && sample < n)
    ways.push(`sample: ${groupDigits(sample)} (that many random coordinates, about ${formatDuration(sample * perCoordinate)})`);
  const count = Math.max(2, Math.ceil(p.totalMs / (FILL * budget.limitMs)));
  ways.push(
    `shard: { index, count: ${count} } (${count} tests of about ${formatDuration(p.totalMs / count)} each, joined by mergeReports)`,
  );
  return ways;
}

/** A limit with room to spare: 1.5 × the projection, rounded up to 10 s. */
function largerLimit(budget: Budget, p: Projection): string {
  const ms = Math.ceil((1.5 * p.totalMs) / 10_000) * 10_000;
  const literal = ms >= 10_000 ? `${Math.floor(ms / 1000)}_000` : String(ms);
  return budget.source === 'test'
    ? `a larger timeout (test(…, { timeout: ${literal} }), or testTimeout in the config)`
    : `a larger timeLimit (timeLimit: ${literal})`;
}
