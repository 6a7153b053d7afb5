import { formatValue } from '../../format/table.js';
import { type Tensor, type TreeLayout, displayPath } from '../../numeric/tree.js';
import { agrees } from '../compare.js';
import type { EntryRecheck } from '../recheck.js';
import type { CheckSettings } from '../report.js';

/** What the diagnoses see of a failed check. */
export interface DiagnosisInput {
  readonly layout: TreeLayout;
  /** Flat analytic gradient. */
  readonly analytic: Float64Array;
  /** Flat numerical gradient (NaN where not compared). */
  readonly numeric: Float64Array;
  /** Error estimate of each numerical entry. */
  readonly errors: Float64Array;
  /** 1 where the entry failed. */
  readonly failing: Uint8Array;
  readonly settings: CheckSettings;
  /** The compared entries, when not all were. */
  readonly indices?: ArrayLike<number>;
  /** Re-checked entries (first pass and Richardson values), by flat index. */
  readonly rechecked?: ReadonlyMap<number, EntryRecheck>;
  /** Flat indices of entries listed as unresolved. */
  readonly unresolved?: readonly number[];
  /** Failing entries the re-check budget did not reach. */
  readonly notRechecked?: number;
}

/** A set of entries diagnosed together: one tensor of a tree, or the whole flat vector. */
export interface Group {
  /** Display name (`W1`, `θ`). */
  readonly name: string;
  readonly tensor: Tensor;
  /** Compared entries of the group, ascending. */
  readonly compared: readonly number[];
  /** Failing entries of the group, ascending. */
  readonly failing: readonly number[];
  /** Whether the group is the whole θ. */
  readonly whole: boolean;
}

/** Compared flat indices, ascending. */
export function comparedIndices(input: DiagnosisInput): number[] {
  if (input.indices) return Array.from(input.indices).sort((p, q) => p - q);
  return Array.from({ length: input.layout.size }, (_, i) => i);
}

/** The tensors of θ as groups (one group, the whole vector, when θ is a single tensor). */
export function groupsOf(input: DiagnosisInput): Group[] {
  const compared = comparedIndices(input);
  const tensors = input.layout.tensors;
  return tensors.map((tensor) => {
    const inside = compared.filter((i) => i >= tensor.offset && i < tensor.offset + tensor.size);
    return {
      name: displayPath(tensor.name),
      tensor,
      compared: inside,
      failing: inside.filter((i) => input.failing[i] === 1),
      whole: tensors.length === 1,
    };
  });
}

/** Whether analytic entry `i` agrees with the numerical value `n` (error estimate `err`). */
export function matches(input: DiagnosisInput, i: number, n: number, err: number): boolean {
  const e = Number.isFinite(err) ? err : 0;
  return agrees(input.analytic[i], n, e, input.settings.rtol, input.settings.atol);
}

/**
 * Whether a model of the numerical values explains every analytic entry in `indices`: analytic[i]
 * agrees with `predict(i)` within the check's tolerance plus `error(i)`.
 */
export function explainsAll(input: DiagnosisInput, indices: readonly number[], predict: (i: number) => number, error: (i: number) => number): boolean {
  return indices.every((i) => matches(input, i, predict(i), error(i)));
}

/** A residual as stated in hints: "residual 2.1e-12". */
export function residualText(r: number): string {
  return `residual ${r === 0 ? '0' : r.toExponential(1)}`;
}

/** A number as stated in hints (6 significant digits, true minus sign). */
export function num(x: number): string {
  return formatValue(x).replace(/^-/, '−');
}

/** `[20]…[37]` or a single path, for a range of flat indices. */
export function rangeText(layout: TreeLayout, first: number, last: number): string {
  const p = (i: number) => displayPath(layout.pathAt(i));
  return first === last ? p(first) : `${p(first)}…${p(last)}`;
}

/** Whether the sorted indices form one contiguous run. */
export function contiguous(indices: readonly number[]): boolean {
  return indices.length > 0 && indices[indices.length - 1] - indices[0] === indices.length - 1;
}

/** "1 entry", "3 entries". */
export function entries(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}
