import { formatValue } from '../../numeric/numberText.js';
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

/**
 * Compared flat indices, ascending.
 *
 * @example
 * comparedIndices({ ...input, indices: [7, 2] }); // [2, 7]
 */
export function comparedIndices(input: DiagnosisInput): number[] {
  if (input.indices) return Array.from(input.indices).sort((p, q) => p - q);
  return Array.from({ length: input.layout.size }, (_, i) => i);
}

/**
 * The tensors of θ as groups (one group, the whole vector, when θ is a single tensor).
 *
 * @example
 * groupsOf(input).map((g) => g.name); // ['Theta1', 'Theta2']
 */
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

/**
 * Whether analytic entry `i` agrees with the numerical value `n` (error estimate `err`).
 *
 * @example
 * matches(input, 12, -input.numeric[12], input.errors[12]); // true for a sign flip at [12]
 */
export function matches(input: DiagnosisInput, i: number, n: number, err: number): boolean {
  const e = Number.isFinite(err) ? err : 0;
  return agrees(input.analytic[i], n, e, input.settings.rtol, input.settings.atol);
}

/**
 * Whether a model of the numerical values explains every analytic entry in `indices`: analytic[i]
 * agrees with `predict(i)` within the check's tolerance plus `error(i)`.
 *
 * @example
 * explainsAll(input, [0, 1, 2], (i) => 2 * input.numeric[i], (i) => 2 * input.errors[i]); // a = 2n everywhere?
 */
export function explainsAll(
  input: DiagnosisInput,
  indices: readonly number[],
  predict: (i: number) => number,
  error: (i: number) => number,
): boolean {
  return indices.every((i) => matches(input, i, predict(i), error(i)));
}

/**
 * A residual as stated in hints.
 *
 * @example
 * residualText(2.07e-12); // 'residual 2.1e-12'
 */
export function residualText(r: number): string {
  return `residual ${r === 0 ? '0' : r.toExponential(1)}`;
}

/**
 * A number as stated in hints (6 significant digits, true minus sign).
 *
 * @example
 * num(-0.05); // '−0.05'
 */
export function num(x: number): string {
  return formatValue(x).replace(/^-/, '−');
}

/**
 * A range of flat indices by path.
 *
 * @example
 * rangeText(layout, 20, 37); // '[20]…[37]'
 */
export function rangeText(layout: TreeLayout, first: number, last: number): string {
  const p = (i: number) => displayPath(layout.pathAt(i));
  return first === last ? p(first) : `${p(first)}…${p(last)}`;
}

/**
 * Whether the sorted indices form one contiguous run.
 *
 * @example
 * contiguous([3, 4, 5]); // true
 */
export function contiguous(indices: readonly number[]): boolean {
  return indices.length > 0 && indices[indices.length - 1] - indices[0] === indices.length - 1;
}

/**
 * A count of entries.
 *
 * @example
 * entries(1); // '1 entry'
 */
export function entries(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}
