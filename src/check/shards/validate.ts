import { GradcheckError } from '../../numeric/errors.js';
import type { ReportData, ReportShard } from '../report.js';

/** A shard's report, its share known. */
export type ShardReport = ReportData & { readonly shard: ReportShard };

/** What must agree between the shards of one check, in the words of the refusal. */
const SAME: readonly [string, (r: ReportData) => unknown][] = [
  ['check', (r) => r.check],
  ['size of θ', (r) => r.size],
  ['θ structure (tensors)', (r) => JSON.stringify(r.tensors)],
  ['settings', (r) => JSON.stringify(r.settings)],
  ['shard count', (r) => r.shard?.count],
  ['coordinates (sample)', (r) => r.shard?.coordinates],
];

/**
 * Refuses anything but the complete set of shards of one check: an empty list, a report that
 * is not a shard's, reports of different checks (check, θ's structure or values, the analytic
 * gradient, settings, shard count, sample), and missing or duplicate shards. Each refusal is
 * one sentence naming `mergeReports`.
 *
 * @example
 * requireShards([r1, r2], 'mergeReports'); // throws unless r1, r2 are shards 1 and 2 of 2 of one check
 */
export function requireShards(reports: readonly ReportData[], caller: string): asserts reports is readonly ShardReport[] {
  if (!Array.isArray(reports) || reports.length === 0)
    throw new GradcheckError(`${caller}: reports must be a non-empty array of the shards' reports`);
  reports.forEach((r, k) => {
    if (!r?.shard || !r.theta)
      throw new GradcheckError(
        `${caller}: reports[${k}] is not a shard's report: check each shard with options.shard: { index, count }`,
      );
  });
  const first = reports[0];
  for (const [what, of] of SAME) {
    const k = reports.findIndex((r) => of(r) !== of(first));
    if (k >= 0) throw new GradcheckError(`${caller}: reports[${k}] is from another check: its ${what} differs from reports[0]'s`);
  }
  reports.forEach((r, k) => {
    if (!sameValues(r.theta as Float64Array, first.theta as Float64Array) || !sameValues(r.analytic, first.analytic))
      throw new GradcheckError(
        `${caller}: reports[${k}] is from another check: θ or the analytic gradient differs from reports[0]'s`,
      );
  });
  requireEveryShardOnce(reports as readonly ShardReport[], caller);
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Shards 1 … count, each exactly once. */
function requireEveryShardOnce(reports: readonly ShardReport[], caller: string): void {
  const { count } = reports[0].shard;
  const seen = new Set<number>();
  for (const r of reports) {
    if (seen.has(r.shard.index)) throw new GradcheckError(`${caller}: shard ${r.shard.index} of ${count} is given twice`);
    seen.add(r.shard.index);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new GradcheckError(
      `${caller}: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} ${missing.length > 1 ? 'are' : 'is'} missing: the merged report must cover every coordinate`,
    );
}
