/** Reading what the user's functions return: matrices (Jacobians, Hessians) and θ-shaped trees. */
import { releaseReturned } from '../../numeric/adapters/release.js';
import { GradcheckError, formatNumber } from '../../numeric/errors.js';
import { type Params, TreeLayout } from '../../numeric/tree.js';
import { readTree } from '../../numeric/validate.js';

/**
 * Throws naming the first non-finite entry.
 *
 * @example
 * requireFinite(values, 'checkVjp', 'the vjp result', (i) => displayPath(layout.pathAt(i)));
 */
export function requireFinite(values: Float64Array, caller: string, what: string, name: (i: number) => string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new GradcheckError(`${caller}: ${what} is ${formatNumber(values[i])} at ${name(i)}; every entry must be finite`);
  }
}

/**
 * Reads a matrix with `rows` rows and `cols` columns, row-major: a nested `number[][]`, an
 * array of row vectors (typed arrays), or a flat array of rows·cols entries. A matrix given the
 * other way round (cols × rows) is named as transposed.
 *
 * @example
 * readMatrix([[1, 2, 3], [4, 5, 6]], 2, 3, 'checkJacobian', 'the Jacobian', name); // Float64Array [1, 2, 3, 4, 5, 6]
 */
export function readMatrix(
  value: unknown,
  rows: number,
  cols: number,
  caller: string,
  what: string,
  // Kept for the callers: entries are named by the comparison now that non-finite ones are reported, not thrown.
  _entryName: (i: number, j: number) => string,
): Float64Array {
  const layout = readTree(value, caller, what);
  // Read: a matrix jac or H returned is freed (one the caller passed stays theirs).
  releaseReturned(value);
  const shape =
    layout.tensors.length === 1 ? layout.tensors[0].shape : [layout.tensors.length, ...(layout.tensors[0]?.shape ?? [])];
  const uniformRows =
    layout.tensors.length === 1 || layout.tensors.every((t) => t.size === layout.tensors[0].size && t.shape.length === 1);
  const expected = `${rows}×${cols} (rows = ${rows} outputs, columns = ${cols} inputs)`;
  if (shape.length === 2 && uniformRows) {
    // NaN or ±∞ entries stay: they fail their comparison and get a `non-finite` diagnosis.
    if (shape[0] === rows && shape[1] === cols) return layout.values;
    const transposed =
      shape[0] === cols && shape[1] === rows ? ' — it looks transposed: rows must be the outputs, columns the inputs' : '';
    throw new GradcheckError(`${caller}: ${what} must be ${expected}, but it is ${shape[0]}×${shape[1]}${transposed}`);
  }
  if (layout.size !== rows * cols || (shape.length > 2 && layout.tensors.length === 1)) {
    throw new GradcheckError(
      `${caller}: ${what} must be ${expected}, but it has ${layout.size} entries (shape ${shape.join('×') || 'a number'})`,
    );
  }
  return layout.values;
}

/**
 * Reads a tree that must have the structure of `like` (a gradient-like result), naming the
 * first path that differs (and saying so when a matrix came back transposed).
 *
 * @example
 * readLike({ W: [[1, 2]], b: [3] }, TreeLayout.of({ W: [[0, 0]], b: [0] }), 'checkVjp', 'the vjp result'); // Float64Array [1, 2, 3]
 */
export function readLike(value: unknown, like: TreeLayout, caller: string, label: string): Float64Array {
  const problem = like.structureMismatch(value, label);
  // structureMismatch says "(transposed?)" itself when a matrix came back transposed.
  if (problem) throw new GradcheckError(`${caller}: ${problem}`);
  const values = TreeLayout.of(value as Params).values;
  releaseReturned(value);
  // NaN or ±∞ entries stay: they fail their comparison and get a `non-finite` diagnosis.
  return values;
}
