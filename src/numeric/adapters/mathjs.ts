/**
 * The math.js adapter: dense matrices (`math.matrix([[1, 2], [3, 4]])`, type `DenseMatrix`) of
 * numbers, detected by shape of the object so that gradcheck does not depend on math.js.
 */
import type { TensorAdapter } from './types.js';

type Nested = number | Nested[];

/** What gradcheck uses of a math.js `DenseMatrix`. */
export interface DenseMatrixLike {
  readonly type: 'DenseMatrix';
  readonly _data: Nested[];
  readonly _size: readonly number[];
  readonly _datatype?: string;
  create(data: Nested[], datatype?: string): DenseMatrixLike;
}

/** Whether every entry of nested `data` at `depth` below is a number (not a BigNumber, Complex, …). */
function allNumbers(data: Nested, depth: number): boolean {
  if (depth === 0) return typeof data === 'number';
  return Array.isArray(data) && data.every((item) => allNumbers(item, depth - 1));
}

function isDenseMatrix(value: unknown): value is DenseMatrixLike {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Partial<DenseMatrixLike>;
  return (
    m.type === 'DenseMatrix' &&
    Array.isArray(m._data) &&
    Array.isArray(m._size) &&
    typeof m.create === 'function' &&
    m._size.length > 0 &&
    allNumbers(m._data, m._size.length)
  );
}

/** Writes the leaves of nested `data` into `out` in row-major order. */
function flattenInto(data: Nested, out: Float64Array, at: { k: number }): void {
  if (typeof data === 'number') out[at.k++] = data;
  else for (const item of data) flattenInto(item, out, at);
}

/** A nested array of `shape` holding `values` (row-major) from `offset`. */
function nest(shape: readonly number[], values: Float64Array, offset: number): Nested[] {
  const [first, ...rest] = shape;
  const inner = rest.reduce((a, d) => a * d, 1);
  // Pushed, not `new Array(first)` then filled: a PACKED array, as the caller's own.
  const out: Nested[] = [];
  for (let i = 0; i < first; i++) out.push(rest.length === 0 ? values[offset + i] : nest(rest, values, offset + i * inner));
  return out;
}

/**
 * math.js dense matrices as leaf tensors with their size as shape (`[2, 3]`, or `[3]` for
 * `math.matrix([1, 2, 3])`), stored in float64. f receives a new `DenseMatrix` made by the
 * matrix's own `create`, so it belongs to the same math.js instance.
 *
 * @example
 * import { matrix } from 'mathjs';
 * mathjsAdapter.shape(matrix([[1, 2, 3], [4, 5, 6]])); // [2, 3]
 * mathjsAdapter.read(matrix([[1, 2], [3, 4]]));        // Float64Array [1, 2, 3, 4]
 */
export const mathjsAdapter: TensorAdapter<DenseMatrixLike> = {
  name: 'math.js DenseMatrix',
  is: isDenseMatrix,
  shape: (m) => [...m._size],
  read(m) {
    const out = new Float64Array(m._size.reduce((a, d) => a * d, 1));
    flattenInto(m._data, out, { k: 0 });
    return out;
  },
  build: (values, like) => like.create(nest(like._size, values, 0), like._datatype),
  locate(m, index) {
    // Walk down the nested rows to the innermost array holding the entry.
    let container: Nested[] = m._data;
    let rest = index;
    let inner = m._size.reduce((a, d) => a * d, 1);
    for (let d = 0; d < m._size.length - 1; d++) {
      inner /= m._size[d];
      const i = Math.floor(rest / inner);
      container = container[i] as Nested[];
      rest -= i * inner;
    }
    return [container, rest];
  },
};
