import { type EntryGroup, explain, groupsOfLayout } from '../diagnose/index.js';
import type { Diagnosis, Mismatch, UnresolvedEntry } from '../report.js';
import { publicSettings } from '../settings/resolve.js';
import type { CheckKind } from '../settings/kinds.js';
import type { Settings } from '../settings/types.js';
import type { Block } from './blocks.js';

/** What a layer check shows the diagnosis registry. */
export interface LayerEvidence {
  readonly settings: Settings;
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  readonly mismatches: readonly Mismatch[];
  readonly unresolved: readonly UnresolvedEntry[];
  readonly groups: readonly EntryGroup[];
  /** θ's values at each entry, when the entries are θ's (a VJP's θ̄). */
  readonly theta?: Float64Array;
}

/** What a layer check's analytic values are, in its advice ("Twice the true Jacobian"). */
const SUBJECTS: Partial<Record<CheckKind, string>> = {
  jacobian: 'Jacobian',
  vjp: 'vector–Jacobian product',
  jvp: 'Jacobian–vector product',
  hessian: 'Hessian',
};

/**
 * The registry's diagnoses of a layer check: the same detectors and the same sentences as the
 * full gradient check, over the check's own groups (θ̄'s tensors, a JVP's output tensors, a
 * matrix's blocks).
 *
 * @example
 * layerDiagnoses({ settings, analytic, numeric, errors, mismatches, unresolved, groups: groupsOfLayout(layout), theta: layout.values });
 */
export function layerDiagnoses(e: LayerEvidence): { hints: string[]; diagnoses: Diagnosis[] } {
  const failing = new Uint8Array(e.analytic.length);
  for (const m of e.mismatches) failing[m.index] = 1;
  const { diagnoses, notes } = explain({
    analytic: e.analytic,
    numeric: e.numeric,
    errors: e.errors,
    failing,
    groups: e.groups,
    theta: e.theta,
    settings: publicSettings(e.settings),
    subject: SUBJECTS[e.settings.check],
    unresolved: e.unresolved.map((u) => u.index),
  });
  return { hints: [...diagnoses.map((d) => d.message), ...notes], diagnoses };
}

/**
 * A matrix's blocks as registry groups: each block's entries row-major over its own shape.
 *
 * @example
 * blockGroups(blocks, n, (k) => `∂out[${Math.floor(k / n)}]/∂θ[${k % n}]`)[0].shape; // [rows, cols] of the first block
 */
export function blockGroups(blocks: readonly Block[], cols: number, name: (k: number) => string): EntryGroup[] {
  return blocks.map((b) => {
    const indices: number[] = [];
    for (let r = 0; r < b.row.size; r++)
      for (let c = 0; c < b.col.size; c++) indices.push((b.row.offset + r) * cols + b.col.offset + c);
    return { name: b.name, shape: [b.row.size, b.col.size], indices, entryName: (k: number) => name(indices[k]) };
  });
}

export { groupsOfLayout };
