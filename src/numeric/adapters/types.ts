/**
 * The tensor adapter interface: how gradcheck reads, and makes, a tensor type it does not know
 * (ml-matrix `Matrix`, ndarray, math.js `DenseMatrix`, TF.js tensors, your own class). A value an
 * adapter recognises is one leaf tensor of θ: its entries are flattened row-major, named
 * `W[2][0]`, and f receives a new value of the same type built by the adapter.
 */

/** Element type a tensor is stored in: `float32` for `Float32Array` storage (and TF.js). */
export type Dtype = 'float64' | 'float32';

/**
 * Teaches gradcheck one tensor type. Detection is structural (`is`), so gradcheck never imports
 * the package that defines the type. Register it with `registerTensorAdapter`.
 *
 * @example
 * // A minimal row-major matrix class of your own:
 * class Grid { constructor(readonly rows: number, readonly cols: number, readonly cells: Float64Array) {} }
 * const gridAdapter: TensorAdapter<Grid> = {
 *   name: 'Grid',
 *   is: (value): value is Grid => value instanceof Grid,
 *   shape: (grid) => [grid.rows, grid.cols],
 *   read: (grid) => Float64Array.from(grid.cells),
 *   build: (values, like) => new Grid(like.rows, like.cols, Float64Array.from(values)),
 *   locate: (grid, index) => [grid.cells, index],
 * };
 */
export interface TensorAdapter<T = unknown> {
  /** Names the type in messages (`ml-matrix Matrix`, `gradient W is a 3×2 Grid`). */
  readonly name: string;
  /**
   * Whether `value` is of this type. Called on every object gradcheck meets in θ and in
   * gradients (after arrays and typed arrays, before plain objects): test structure, cheaply.
   */
  is(value: unknown): value is T;
  /** The shape, outermost first: `[rows, columns]` for a matrix, `[n]` for a vector, `[]` for a scalar. */
  shape(value: T): readonly number[];
  /** A copy of the entries in row-major order (the last index fastest), one per shape entry. */
  read(value: T): Float64Array;
  /**
   * A new value of the type of `like` (same shape, same dtype, same class) holding `values`
   * (row-major). f receives such values, so the result must not share storage with `like`.
   */
  build(values: Float64Array, like: T): T;
  /** How the entries are stored; `float64` when omitted. `float32` makes gradcheck probe in float32. */
  dtype?(value: T): Dtype;
  /**
   * Where entry `index` (row-major) of a value this adapter built lives, as `[container, key]`
   * with `container[key]` reading and writing it: gradcheck then moves entries in place, and
   * sees a write f makes into its θ. Omit it for immutable types: gradcheck then builds a fresh
   * value before each call of f (one `build`, O(entries)), and cannot see f's writes into it.
   */
  locate?(value: T, index: number): readonly [container: object, key: number | string];
  /**
   * Frees a value gradcheck is done with: one a user function returned (f's loss or outputs,
   * grad's gradient, what jac, vjp, jvp or H return) once it has been read, and one gradcheck
   * built to seed a working copy but never handed to f. Never called on the caller's own values
   * (θ, a gradient or matrix passed as a value, options). For types with manual memory (jax-js's
   * reference counts); omit it otherwise.
   */
  release?(value: T): void;
  /**
   * `read` through the type's asynchronous read (jax-js's `data()`, fast on WebGPU). The async
   * checks read what user functions return with it, when given; θ and gradcheck's own values
   * are still read with `read`.
   */
  readAsync?(value: T): Promise<Float64Array>;
}

/**
 * A loss returned as a tensor of one entry, read through its registered adapter and freed once
 * read: jax-js's `np.sum(x)` (with `gradcheck/jaxjs` imported). Typed by its shape only; a value
 * no adapter recognises, or of more than one entry, is refused when the check reads it.
 *
 * @example
 * import 'gradcheck/jaxjs';
 * const loss = (p: { w: np.Array }): ScalarTensor => np.sum(np.square(p.w));
 * checkGradient(loss, grad(loss), { at: { w: np.array([1, 2]) } });
 */
export interface ScalarTensor {
  readonly shape: readonly number[];
}

/** What a scalar f may return: a number, or a one-entry tensor (`ScalarTensor`). */
export type Loss = number | ScalarTensor;
