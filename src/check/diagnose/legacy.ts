import { type TreeLayout, displayPath } from '../../numeric/tree.js';
import type { EntryRecheck } from '../recheck.js';
import type { CheckSettings } from '../report.js';
import { explain } from './registry.js';
import type { DiagnosisInput, EntryGroup } from './types.js';

/**
 * The diagnosis input `checkGradient` builds today, on its `TreeLayout`.
 * @deprecated Temporary: build a `DiagnosisInput` (groups from `groupsOfLayout`) and call `diagnose`.
 */
export interface LegacyDiagnosisInput {
  readonly layout: TreeLayout;
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  readonly failing: Uint8Array;
  readonly settings: CheckSettings;
  /** The compared entries, when not all were. */
  readonly indices?: ArrayLike<number>;
  readonly rechecked?: ReadonlyMap<number, EntryRecheck>;
  readonly unresolved?: readonly number[];
  readonly notRechecked?: number;
}

/**
 * θ's tensors as diagnosis groups: name, shape, flat indices, entry paths.
 *
 * @example
 * groupsOfLayout(TreeLayout.of({ W: [[1, 2]], b: [0] })).map((g) => g.name); // ['W', 'b']
 */
export function groupsOfLayout(layout: TreeLayout): EntryGroup[] {
  return layout.tensors.map((t) => ({
    name: displayPath(t.name),
    shape: t.shape,
    indices: Array.from({ length: t.size }, (_, k) => t.offset + k),
    entryName: (k: number) => displayPath(layout.pathAt(t.offset + k)),
  }));
}

/**
 * The registry's input from the legacy one: groups from the layout, θ's values for the term
 * fits, NaN reference values outside a sample.
 *
 * @example
 * fromLegacy(old).groups.length; // θ's tensor count
 */
export function fromLegacy(old: LegacyDiagnosisInput): DiagnosisInput {
  let numeric = old.numeric;
  if (old.indices) {
    numeric = new Float64Array(old.numeric.length).fill(Number.NaN);
    for (const i of Array.from(old.indices)) numeric[i] = old.numeric[i];
  }
  return {
    analytic: old.analytic,
    numeric,
    errors: old.errors,
    failing: old.failing,
    groups: groupsOfLayout(old.layout),
    theta: old.layout.values,
    settings: old.settings,
    ...(old.rechecked ? { rechecked: old.rechecked } : {}),
    ...(old.unresolved ? { unresolved: old.unresolved } : {}),
    ...(old.notRechecked !== undefined ? { notRechecked: old.notRechecked } : {}),
  };
}

/**
 * The registry's messages and notes, for a check that still collects hint strings.
 * @deprecated Temporary, until `checkGradient` builds a `DiagnosisInput` and keeps `report.diagnoses`.
 *
 * @example
 * diagnoseHints(old); // ['Sign error in θ: the analytic values are −1 × the numerical ones. …']
 */
export function diagnoseHints(old: LegacyDiagnosisInput): string[] {
  const { diagnoses, notes } = explain(fromLegacy(old));
  return [...diagnoses.map((d) => d.message), ...notes];
}
