import { type Summary, summarize, worstFirst } from '../compare.js';
import type { ReportData } from '../report.js';
import { groupDigits } from '../timeAndProgress/plan.js';
import { mergedDiagnoses, type MergedEntries } from './diagnose.js';
import { type ShardReport, requireShards } from './validate.js';

/**
 * Joins the reports of the shards of one full gradient check (`options.shard`) into the report
 * of the whole check, as if it had run unsharded: entries, verdicts and evaluations are the
 * union and sums of the shards'; the summary figures and the diagnoses are recomputed over the
 * union. `durationMs` is the sum of the shards' (the check's cost on one machine). Refuses
 * anything but every shard of one check, once each (`requireShards`).
 *
 * @example
 * const whole = mergeShardReports([shard1, shard2, shard3, shard4], 'mergeReports');
 * whole.evaluations; // 2n for a correct gradient
 * @internal
 */
export function mergeShardReports(reports: readonly ReportData[], caller: string): ReportData {
  requireShards(reports, caller);
  const shards = [...reports].sort((p, q) => p.shard.index - q.shard.index);
  const first = shards[0];
  const entries = unionOf(shards);
  const { diagnoses, notes } = mergedDiagnoses(shards, entries);
  const summary = unionSummary(first.analytic, entries);
  const max = first.settings.maxRelativeDifference;
  const withinGlobal = max === undefined || summary.relativeDifference < max;
  const sum = (of: (r: ShardReport) => number) => shards.reduce((s, r) => s + of(r), 0);
  const oneSided = shards.flatMap((r) => r.oneSided ?? []).sort((p, q) => p.index - q.index);
  const { shard: _shard, theta: _theta, ...rest } = first;
  return {
    ...rest,
    pass: shards.every((r) => r.pass || onlyGlobalFailed(r)) && withinGlobal,
    evaluations: sum((r) => r.evaluations),
    checked: sum((r) => r.checked),
    ...summary,
    mismatches: entries.mismatches,
    unresolved: entries.unresolved,
    kinks: entries.kinks,
    ...(oneSided.length > 0 ? { oneSided } : {}),
    numeric: entries.numeric,
    errorEstimates: entries.errors,
    diagnoses,
    hints: [...diagnoses.map((d) => d.message), ...notes],
    durationMs: sum((r) => r.durationMs),
    details: {
      ...first.details,
      notRechecked: entries.notRechecked,
      notes: [...otherNotes(shards), mergeNote(shards)],
    },
  };
}

/** The shards' entries side by side: each compared entry comes from the one shard that compared it. */
function unionOf(shards: readonly ShardReport[]): MergedEntries {
  const size = shards[0].size;
  const numeric = new Float64Array(size).fill(Number.NaN);
  const errors = new Float64Array(size).fill(Number.NaN);
  for (const r of shards)
    for (let i = 0; i < size; i++)
      if (!Number.isNaN(r.numeric[i])) {
        numeric[i] = r.numeric[i];
        errors[i] = r.errorEstimates[i];
      }
  const byIndex = <T extends { index: number }>(list: T[]) => list.sort((p, q) => p.index - q.index);
  return {
    numeric,
    errors,
    mismatches: shards.flatMap((r) => r.mismatches).sort(worstFirst),
    kinks: byIndex(shards.flatMap((r) => [...r.kinks])),
    unresolved: byIndex(shards.flatMap((r) => [...r.unresolved])),
    notRechecked: shards.reduce((s, r) => s + r.details.notRechecked, 0),
  };
}

/** The summary over the compared entries, minus the kinks named and excused (as the full check does). */
function unionSummary(analytic: Float64Array, e: MergedEntries): Summary {
  const failing = new Set(e.mismatches.map((m) => m.index));
  const excused = new Set(e.kinks.filter((k) => k.matchesOneSide && !failing.has(k.index)).map((k) => k.index));
  const judged: number[] = [];
  for (let i = 0; i < analytic.length; i++) if (!Number.isNaN(e.numeric[i]) && !excused.has(i)) judged.push(i);
  return summarize(analytic, e.numeric, Int32Array.from(judged));
}

/**
 * With `maxRelativeDifference`, a shard can fail on its own share's global criterion alone
 * (no mismatch, no diagnosis); the whole check's criterion is re-judged over the union instead.
 */
function onlyGlobalFailed(r: ShardReport): boolean {
  const max = r.settings.maxRelativeDifference;
  return max !== undefined && r.mismatches.length === 0 && r.diagnoses.length === 0 && !(r.relativeDifference < max);
}

/** The shards' notes but their own "Shard k of n" note, once each. */
function otherNotes(shards: readonly ShardReport[]): string[] {
  return [...new Set(shards.flatMap((r) => r.details.notes.filter((n) => !n.startsWith('Shard '))))];
}

function mergeNote(shards: readonly ShardReport[]): string {
  const { count, coordinates } = shards[0].shard;
  return `Merged from ${count} shard${count > 1 ? 's' : ''} (options.shard): together they compared ${groupDigits(coordinates)} coordinates in ${groupDigits(shards.reduce((s, r) => s + r.evaluations, 0))} evaluations.`;
}
