import type { MovedPoint } from '../../numeric/batched.js';
import { GradcheckError } from '../../numeric/errors.js';

/** @internal A run of moved points in three flat typed arrays, ready to be transferred. */
export interface PackedRun {
  /** Point p moves `indices[starts[p] … starts[p + 1])`. */
  readonly starts: Int32Array<ArrayBuffer>;
  readonly indices: Int32Array<ArrayBuffer>;
  readonly values: Float64Array<ArrayBuffer>;
}

/**
 * @internal Packs `points[from … to)` into one run: three buffers per task instead of two per
 * point, which is what makes a coarse task cheap to send. Checks every index against θ's size.
 *
 * @example
 * pack([{ indices: Int32Array.of(3), values: Float64Array.of(0.5) }], 0, 1, 10);
 * // { starts: [0, 1], indices: [3], values: [0.5] }
 */
export function pack(points: readonly MovedPoint[], from: number, to: number, size: number): PackedRun {
  let moves = 0;
  for (let p = from; p < to; p++) moves += checkPoint(points[p], p, size);
  const starts = new Int32Array(to - from + 1);
  const indices = new Int32Array(moves);
  const values = new Float64Array(moves);
  let at = 0;
  for (let p = from; p < to; p++) {
    const point = points[p];
    indices.set(point.indices, at);
    values.set(point.values, at);
    at += point.indices.length;
    starts[p - from + 1] = at;
  }
  return { starts, indices, values };
}

/**
 * @internal `[from, to)` of each of `parts` runs that split `count` points as evenly as
 * possible, in order (fewer runs when there are fewer points).
 *
 * @example
 * splitEvenly(5, 2); // [[0, 2], [2, 5]]
 */
export function splitEvenly(count: number, parts: number): [number, number][] {
  const runs = Math.min(count, parts);
  return Array.from({ length: runs }, (_, k) => [Math.floor((k * count) / runs), Math.floor(((k + 1) * count) / runs)]);
}

function checkPoint(point: MovedPoint, p: number, size: number): number {
  const { indices, values } = point ?? {};
  if (!(indices instanceof Int32Array) || !(values instanceof Float64Array) || indices.length !== values.length) {
    throw new GradcheckError(
      `BatchSession.evaluate: point ${p} must be { indices: Int32Array, values: Float64Array } of equal lengths (the moved entries and their new values)`,
    );
  }
  for (let k = 0; k < indices.length; k++) {
    if (indices[k] < 0 || indices[k] >= size) {
      throw new GradcheckError(
        `BatchSession.evaluate: point ${p} moves flat index ${indices[k]}, but θ has ${size} entries (indices run from 0 to ${size - 1})`,
      );
    }
  }
  return indices.length;
}
