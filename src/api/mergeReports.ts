import { mergeShardReports } from '../check/shards/merge.js';
import { reviveReport } from '../check/shards/revive.js';
import type { GradientReport } from '../check/report.js';
import { withMessage } from '../format/withMessage.js';

/**
 * Joins the reports of the shards of one full gradient check (each run with
 * `shard: { index, count }`, on as many Vitest workers or CI machines as you like) into the
 * report of the whole check, as if it had run unsharded: `pass`, `mismatches` (worst first),
 * `evaluations` (their sum: 2n for a correct gradient), `kinks`, `unresolved`, the flat arrays,
 * the summary figures and the diagnoses over the union. Reports read back from JSON are
 * accepted. Throws a `GradcheckError` for reports of different checks, or missing or
 * duplicate shards.
 *
 * @example
 * const shards = [1, 2, 3, 4].map((index) =>
 *   checkGradient(loss, grad, { at: θ, shard: { index, count: 4 } }),
 * );
 * const whole = mergeReports(shards);
 * whole.pass;        // as checkGradient(loss, grad, { at: θ }).pass
 * whole.evaluations; // 2n for a correct gradient
 */
export function mergeReports(reports: readonly GradientReport[]): GradientReport {
  const revived = Array.isArray(reports) ? reports.map(reviveReport) : reports;
  return withMessage(mergeShardReports(revived, 'mergeReports'));
}
