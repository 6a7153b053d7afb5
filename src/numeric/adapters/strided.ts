/**
 * Row-major walks over strided storage: the one piece of index arithmetic the adapters share.
 */

/**
 * Calls `visit(k, position)` for every entry of a strided view in row-major order: k counts
 * entries (the last index fastest), position is where entry k sits in the storage.
 *
 * @example
 * // a 2×3 view stored column-major (the transpose of a contiguous 3×2 array):
 * forEachStrided([2, 3], [1, 2], 0, (k, p) => out.push(p)); // positions 0, 2, 4, 1, 3, 5
 */
export function forEachStrided(
  shape: readonly number[],
  stride: readonly number[],
  offset: number,
  visit: (k: number, position: number) => void,
): void {
  const size = shape.reduce((a, d) => a * d, 1);
  if (size === 0) return;
  const index = new Array<number>(shape.length).fill(0);
  let position = offset;
  for (let k = 0; k < size; k++) {
    visit(k, position);
    // Advance the odometer: bump the last index, carrying into earlier ones.
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d]++;
      position += stride[d];
      if (index[d] < shape[d]) break;
      position -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
}

/**
 * The strides of a contiguous row-major array of `shape`.
 *
 * @example
 * rowMajorStrides([2, 3, 4]); // [12, 4, 1]
 */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = step;
    step *= shape[d];
  }
  return stride;
}

/**
 * The storage position of row-major entry `k` of a strided view.
 *
 * @example
 * stridedPosition([2, 3], [1, 2], 0, 1); // 2 (entry [0][1] of a column-major 2×3 view)
 */
export function stridedPosition(shape: readonly number[], stride: readonly number[], offset: number, k: number): number {
  let position = offset;
  let rest = k;
  for (let d = shape.length - 1; d >= 0; d--) {
    position += (rest % shape[d]) * stride[d];
    rest = Math.floor(rest / shape[d]);
  }
  return position;
}
