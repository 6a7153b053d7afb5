import type { ReportData } from '../report.js';

/**
 * A report read back from JSON, its flat arrays typed again: `JSON.stringify` writes a
 * Float64Array as an index-keyed object (or an array, with a replacer) and NaN as null, so the
 * shards of a CI matrix can write their reports to files and one job can merge them.
 *
 * @example
 * const shard = reviveReport(JSON.parse(readFileSync('shard-1.json', 'utf8')));
 * shard.numeric instanceof Float64Array; // true
 */
export function reviveReport(report: ReportData): ReportData {
  if (!report || typeof report !== 'object') return report;
  return {
    ...report,
    analytic: flat(report.analytic) as Float64Array,
    numeric: flat(report.numeric) as Float64Array,
    errorEstimates: flat(report.errorEstimates) as Float64Array,
    ...(report.theta !== undefined ? { theta: flat(report.theta) } : {}),
  };
}

function flat(v: unknown): Float64Array | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Float64Array) return v;
  const values = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  return Float64Array.from(values, (x) => (x === null ? Number.NaN : Number(x)));
}
