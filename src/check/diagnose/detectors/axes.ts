import type { EntryGroup } from '../types.js';

/**
 * The multi-index of position k of a row-major tensor of `shape`.
 *
 * @example
 * multiIndex([2, 3], 4); // [1, 1]
 */
export function multiIndex(shape: readonly number[], k: number): number[] {
  const idx = new Array<number>(shape.length);
  let rest = k;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = rest % shape[d];
    rest = Math.floor(rest / shape[d]);
  }
  return idx;
}

/**
 * Position of a multi-index in a row-major tensor of `shape`.
 *
 * @example
 * positionOf([2, 3], [1, 1]); // 4
 */
export function positionOf(shape: readonly number[], idx: readonly number[]): number {
  let k = 0;
  for (let d = 0; d < shape.length; d++) k = k * shape[d] + idx[d];
  return k;
}

/**
 * What an axis of a tensor is called in messages, by the usual layouts: [rows, columns] for a
 * matrix, [channels, rows, columns] for a feature map, [filters, channels, rows, columns] for a
 * kernel bank.
 *
 * @example
 * axisNoun([3, 8, 8], 0); // 'channel'
 */
export function axisNoun(shape: readonly number[], axis: number): string {
  const fromEnd = shape.length - 1 - axis;
  if (fromEnd === 0) return shape.length === 1 ? 'entry' : 'column';
  if (fromEnd === 1) return 'row';
  if (fromEnd === 2) return 'channel';
  return `index along axis ${axis}`;
}

/**
 * The group positions with their targets under a map of multi-indices (undefined: no source).
 *
 * @example
 * // reverse the last axis of a 2×3 group:
 * mapped(group, (idx) => [idx[0], 2 - idx[1]]); // [[W[0][0], W[0][2]], …]
 */
export function mapped(group: EntryGroup, source: (idx: number[]) => number[] | undefined): [number, number][] {
  const pairs: [number, number][] = [];
  group.indices.forEach((t, k) => {
    const idx = source(multiIndex(group.shape, k));
    if (idx?.every((v, d) => v >= 0 && v < group.shape[d])) pairs.push([t, group.indices[positionOf(group.shape, idx)]]);
  });
  return pairs;
}
