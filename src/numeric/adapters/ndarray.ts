/**
 * The ndarray adapter: `{ data, shape, stride, offset }` views from the `ndarray` package (and
 * scijs libraries built on it), any strides, over a `Float64Array`, a `Float32Array` or a plain
 * array. Detected by shape of the object; gradcheck does not depend on ndarray.
 */
import { forEachStrided, rowMajorStrides, stridedPosition } from './strided.js';
import type { TensorAdapter } from './types.js';

type Storage = Float64Array | Float32Array | number[];

/** What gradcheck uses of an ndarray view. */
export interface NdarrayLike {
  readonly data: Storage;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
  get(...index: number[]): number;
}

function isStorage(data: unknown): data is Storage {
  return data instanceof Float64Array || data instanceof Float32Array || Array.isArray(data);
}

function isNdarray(value: unknown): value is NdarrayLike {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Partial<NdarrayLike>;
  return (
    isStorage(v.data) &&
    Array.isArray(v.shape) &&
    Array.isArray(v.stride) &&
    v.stride.length === v.shape.length &&
    typeof v.offset === 'number' &&
    typeof v.get === 'function'
  );
}

/** n zeros in a PACKED array (`new Array(n).fill(0)` stays HOLEY in V8, and slows f's loops). */
function packedZeros(n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(0);
  return out;
}

/** Empty storage of the class of `like` (so a Float32Array-backed array stays float32). */
function storageLike(like: Storage, size: number): Storage {
  if (Array.isArray(like)) return packedZeros(size);
  return new (like.constructor as Float64ArrayConstructor | Float32ArrayConstructor)(size);
}

/**
 * A new contiguous view of the class of `like`. ndarray compiles one view class per dtype and
 * dimension; its constructor takes `(data, ...shape, ...stride, offset)`, or `(data, offset)` for
 * a 0-d array.
 */
function viewLike(like: NdarrayLike, data: Storage): NdarrayLike {
  const View = like.constructor as new (...args: unknown[]) => NdarrayLike;
  if (like.shape.length === 0) return new View(data, 0);
  return new View(data, ...like.shape, ...rowMajorStrides(like.shape), 0);
}

/**
 * ndarray views as leaf tensors with their shape, read in row-major order whatever their
 * strides (a transposed view reads as the transpose); float32 when `data` is a `Float32Array`.
 * f receives a contiguous view of the same class over storage of the same type.
 *
 * @example
 * import ndarray from 'ndarray';
 * const a = ndarray(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
 * ndarrayAdapter.read(a.transpose(1, 0)); // Float64Array [1, 4, 2, 5, 3, 6]
 * ndarrayAdapter.dtype?.(a);              // 'float32'
 */
export const ndarrayAdapter: TensorAdapter<NdarrayLike> = {
  name: 'ndarray',
  is: isNdarray,
  shape: (a) => [...a.shape],
  read(a) {
    const out = new Float64Array(a.shape.reduce((n, d) => n * d, 1));
    forEachStrided(a.shape, a.stride, a.offset, (k, p) => {
      out[k] = a.data[p];
    });
    return out;
  },
  build(values, like) {
    const data = storageLike(like.data, values.length);
    for (let k = 0; k < values.length; k++) data[k] = values[k];
    return viewLike(like, data);
  },
  dtype: (a) => (a.data instanceof Float32Array ? 'float32' : 'float64'),
  locate: (a, index) => [a.data, stridedPosition(a.shape, a.stride, a.offset, index)],
};
