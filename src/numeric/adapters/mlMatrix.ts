/**
 * The ml-matrix adapter: `Matrix` and its views (`matrix.transpose()` is a new Matrix, but
 * `new MatrixTransposeView(m)`, `wrap(array)` and sub-views are matrices too), detected by shape
 * of the object so that gradcheck does not depend on ml-matrix.
 */
import type { TensorAdapter } from './types.js';

/** What gradcheck uses of an ml-matrix matrix (any `AbstractMatrix`). */
export interface MlMatrixLike {
  readonly rows: number;
  readonly columns: number;
  get(row: number, column: number): number;
  set(row: number, column: number, value: number): unknown;
  to2DArray(): number[][];
}

/** A `Matrix` as ml-matrix builds it: rows stored as `Float64Array`s in `data`. */
interface StoredMatrix extends MlMatrixLike {
  readonly data?: readonly Float64Array[];
}

function isMlMatrix(value: unknown): value is MlMatrixLike {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Partial<MlMatrixLike>;
  return (
    Number.isInteger(m.rows) &&
    Number.isInteger(m.columns) &&
    typeof m.get === 'function' &&
    typeof m.set === 'function' &&
    typeof m.to2DArray === 'function'
  );
}

/**
 * An empty matrix of the class of `like`. ml-matrix's static `zeros` is inherited by every
 * class, and views (whose constructors take a matrix) inherit the one that makes a `Matrix`.
 */
function zerosLike(like: MlMatrixLike): MlMatrixLike {
  const ctor = like.constructor as unknown as {
    zeros?: (rows: number, columns: number) => MlMatrixLike;
    new (rows: number, columns: number): MlMatrixLike;
  };
  return typeof ctor.zeros === 'function' ? ctor.zeros(like.rows, like.columns) : new ctor(like.rows, like.columns);
}

/**
 * ml-matrix `Matrix` objects as leaf tensors of shape `[rows, columns]`, stored in float64.
 * A `SymmetricMatrix` stays one: its `set` moves `[i][j]` and `[j][i]` together, so the finite
 * difference of an off-diagonal entry is the derivative along the symmetric pair.
 *
 * @example
 * import { Matrix } from 'ml-matrix';
 * mlMatrixAdapter.shape(new Matrix([[1, 2, 3], [4, 5, 6]])); // [2, 3]
 * mlMatrixAdapter.read(new Matrix([[1, 2], [3, 4]]));          // Float64Array [1, 2, 3, 4]
 */
export const mlMatrixAdapter: TensorAdapter<MlMatrixLike> = {
  name: 'ml-matrix Matrix',
  is: isMlMatrix,
  shape: (m) => [m.rows, m.columns],
  read(m) {
    const out = new Float64Array(m.rows * m.columns);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.columns; c++) out[r * m.columns + c] = m.get(r, c);
    }
    return out;
  },
  build(values, like) {
    const out = zerosLike(like);
    for (let r = 0; r < like.rows; r++) {
      for (let c = 0; c < like.columns; c++) out.set(r, c, values[r * like.columns + c]);
    }
    return out;
  },
  locate(m, index) {
    const row = Math.floor(index / m.columns);
    const column = index - row * m.columns;
    const rows = (m as StoredMatrix).data;
    // A Matrix keeps its rows in `data`: the probe writes there directly. Other classes (a
    // SymmetricMatrix keeps a private matrix) are written through their own get/set.
    if (Array.isArray(rows) && ArrayBuffer.isView(rows[row])) return [rows[row], column];
    return [accessor(m, row), column];
  },
};

/** `row[column]` reading and writing a matrix without row storage, through its get/set. */
function accessor(m: MlMatrixLike, row: number): object {
  return new Proxy(
    {},
    {
      get: (_, key) => m.get(row, Number(key)),
      set: (_, key, value) => {
        m.set(row, Number(key), value);
        return true;
      },
    },
  );
}
