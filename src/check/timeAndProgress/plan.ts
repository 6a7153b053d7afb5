import { methodCost } from '../../numeric/methods/cost.js';
import type { FiniteDifferenceMethod } from '../../numeric/methods/method.js';

/** What a check tells the evaluation stage about the evaluations it is about to make. */
export interface EvaluationPlan {
  /** Evaluations expected in all on a correct function (re-checks may add a few). */
  readonly total: number;
  /** The check in words, for the pre-flight message: 'full check of 9 610 entries'. */
  readonly what: string;
  /** What is evaluated, in messages: 'f' (default) or 'options.gradient'. */
  readonly of?: string;
  /** A full gradient check's compared coordinates: the pre-flight then offers fast mode, a sample and shards. */
  readonly coordinates?: number;
}

/**
 * Evaluations of a finite-difference method over `coordinates` lines (the method's own cost
 * model, `methodCost`).
 *
 * @example
 * differenceEvaluations(central, 9610); // 19220
 */
export function differenceEvaluations(method: FiniteDifferenceMethod, coordinates: number): number {
  return methodCost(method, coordinates).evaluations;
}

/**
 * An integer with a space between groups of three digits, as in the messages: 9 610, 19 220.
 *
 * @example
 * groupDigits(19220); // '19 220'
 */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * A duration for people: '850 ms', '4.9 s', '52 s', '3 min 10 s'.
 *
 * @example
 * formatDuration(52_400); // '52 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}
