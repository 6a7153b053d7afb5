/**
 * The pattern a sparse check measures: `sparsity: 'auto'` takes the analytic matrix's nonzeros;
 * a boolean matrix is used as given, together with the analytic matrix's nonzeros (an entry the
 * analytic side claims is nonzero is always measured, or it could not be judged).
 */
import { GradcheckError } from '../../numeric/errors.js';
import { type Pattern, patternWhere, symmetric } from '../../numeric/sparsity/index.js';
import type { SparsityOption } from '../settings/types.js';

/** What the matrix is, for the wrong-shape message. */
export interface MatrixShape {
  readonly rows: number;
  readonly cols: number;
  /** `outputs` for a Jacobian, `entries of θ` for a Hessian's rows. */
  readonly rowsAre: string;
}

/**
 * The measured pattern: `option` ('auto' or a boolean matrix) united with A's nonzeros, made
 * symmetric for a Hessian.
 *
 * @example
 * measuredPattern('auto', A, { rows: 3, cols: 3, rowsAre: 'outputs' }, 'checkJacobian', false);
 */
export function measuredPattern(
  option: Exclude<SparsityOption, false>,
  A: Float64Array,
  shape: MatrixShape,
  caller: string,
  hessian: boolean,
): Pattern {
  const given = option === 'auto' ? undefined : readPattern(option, shape, caller);
  const p = patternWhere(shape.rows, shape.cols, (k) => A[k] !== 0 || given?.[k] === 1);
  return hessian ? symmetric(p) : p;
}

/**
 * A boolean matrix (rows of booleans or 0/1 numbers, as arrays or typed arrays, or one flat
 * row-major array of rows·cols of them) as flat 0/1 bytes, row-major; the wrong shape is a one-sentence error naming the option and the shape.
 *
 * @example
 * readPattern([[true, false]], { rows: 1, cols: 2, rowsAre: 'outputs' }, 'checkJacobian'); // Uint8Array [1, 0]
 */
export function readPattern(option: unknown, shape: MatrixShape, caller: string): Uint8Array {
  const { rows, cols } = shape;
  const expected = `${rows}×${cols} boolean matrix (rows = ${rows} ${shape.rowsAre}, columns = ${cols} inputs)`;
  const fail = (got: string) =>
    new GradcheckError(`${caller}: options.sparsity must be 'auto', false or a ${expected}, but ${got}`);
  if (!Array.isArray(option)) throw fail(`got ${String(option)}`);
  const isRow = (r: unknown): r is ArrayLike<unknown> => Array.isArray(r) || ArrayBuffer.isView(r);
  if (!option.some(isRow)) {
    // Flat and row-major, as a Jacobian may be given.
    if (option.length !== rows * cols) throw fail(`it has ${option.length} entries`);
    return readPattern(
      Array.from({ length: rows }, (_, i) => option.slice(i * cols, (i + 1) * cols)),
      shape,
      caller,
    );
  }
  if (!option.every(isRow)) throw fail('its rows are not all arrays');
  const widths = new Set(option.map((r: ArrayLike<unknown>) => r.length));
  const width = widths.size === 1 ? [...widths][0] : undefined;
  if (option.length !== rows || width !== cols) {
    const given = width === undefined ? `${option.length} rows of different lengths` : `${option.length}×${width}`;
    throw fail(`it is ${given}`);
  }
  const flat = new Uint8Array(rows * cols);
  option.forEach((row: ArrayLike<unknown>, i: number) => {
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (v !== true && v !== false && v !== 0 && v !== 1)
        throw fail(`entry [${i}][${j}] is ${String(v)} (use true/false or 1/0)`);
      flat[i * cols + j] = v === true || v === 1 ? 1 : 0;
    }
  });
  return flat;
}
