import { compared, errorAt, failingOf } from '../scope.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { multiIndex } from './axes.js';

/** A region of a tensor the wrong entries fill: its description and what usually causes it. */
export interface Region {
  readonly where: string;
  readonly cause: string;
  /** Group positions inside the region. */
  readonly inside: (k: number) => boolean;
  /** The pattern may cover the whole tensor (every pooling window wrong is still a pooling pattern). */
  readonly mayCoverAll?: boolean;
}

/** The group's view the region tests share: positions compared, failing, and numerically 0. */
export interface GroupView {
  readonly group: EntryGroup;
  readonly compared: readonly number[];
  readonly failing: ReadonlySet<number>;
  readonly zero: (k: number) => boolean;
  readonly idx: (k: number) => number[];
}

/**
 * The view of a group the region tests share.
 *
 * @example
 * viewOf(input, x).failing.size; // 7
 */
export function viewOf(input: DiagnosisInput, group: EntryGroup): GroupView {
  const pos = new Map(group.indices.map((i, k) => [i, k]));
  const at = (i: number) => pos.get(i) as number;
  const { numeric: n, settings } = input;
  const comparedKs = compared(input, group).map(at);
  return {
    group,
    compared: comparedKs,
    failing: new Set(failingOf(input, compared(input, group)).map(at)),
    zero: (k) => Math.abs(n[group.indices[k]]) <= settings.atol + errorAt(input, group.indices[k]),
    idx: (k) => multiIndex(group.shape, k),
  };
}
