import { explain } from '../diagnose/index.js';
import type { Diagnosis, DiagnosisKind, KinkEntry, Mismatch, UnresolvedEntry } from '../report.js';
import { groupsOfTensors } from './groups.js';
import type { ShardReport } from './validate.js';

/**
 * The guards' findings: about f as a whole, found by any shard, never re-fitted. (`non-finite`
 * is the registry's own: it takes those entries out and fits the rest, as in the full check.)
 */
const GUARD_KINDS: ReadonlySet<DiagnosisKind> = new Set(['mutates-input', 'nondeterministic', 'float32-in-float64']);

/** The union of the shards' entries that the registry reads. */
export interface MergedEntries {
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  readonly mismatches: readonly Mismatch[];
  readonly kinks: readonly KinkEntry[];
  readonly unresolved: readonly UnresolvedEntry[];
  readonly notRechecked: number;
}

/**
 * The whole check's diagnoses: the guards' findings of every shard (once each), then — when no
 * guard fired, as in the full check — the diagnosis registry re-run on the union of the
 * shards' entries, with θ's tensors as groups and θ's values for the term fits: a factor or a
 * missing term is a fact about a whole tensor, which no shard alone sees.
 *
 * @example
 * const { diagnoses, notes } = mergedDiagnoses(shards, entries);
 */
export function mergedDiagnoses(shards: readonly ShardReport[], e: MergedEntries): { diagnoses: Diagnosis[]; notes: string[] } {
  const guards = new Map<string, Diagnosis>();
  for (const r of shards)
    for (const d of r.diagnoses) if (GUARD_KINDS.has(d.kind)) guards.set(`${d.kind} ${d.paths.join(',')}`, d);
  const first = shards[0];
  const failing = new Uint8Array(first.size);
  for (const m of e.mismatches) failing[m.index] = 1;
  if (guards.size > 0) return { diagnoses: [...guards.values(), ...kinksOf(shards)], notes: [] };
  return explain({
    analytic: first.analytic,
    numeric: e.numeric,
    errors: e.errors,
    failing,
    groups: groupsOfTensors(first.tensors),
    theta: first.theta,
    settings: first.settings,
    unresolved: e.unresolved.map((u) => u.index),
    notRechecked: e.notRechecked,
    kinks: e.kinks,
    kinkPolicy: kinkPolicyOf(shards),
  });
}

/** The shards' kink diagnoses (when a guard fired, the full check keeps only these). */
function kinksOf(shards: readonly ShardReport[]): Diagnosis[] {
  return shards.flatMap((r) => r.diagnoses.filter((d) => d.kind === 'kink'));
}

/**
 * `kinks: 'fail'` is not among a report's public settings; it shows as a kink that matches one
 * side and still fails (a mismatch at the same index).
 */
function kinkPolicyOf(shards: readonly ShardReport[]): 'report' | 'fail' {
  for (const r of shards) {
    const failed = new Set(r.mismatches.map((m) => m.index));
    if (r.kinks.some((k) => k.matchesOneSide && failed.has(k.index))) return 'fail';
  }
  return 'report';
}
