/**
 * What the layer checks (Jacobian, VJP, JVP, Hessian) share: option handling, calling the
 * user's functions on a private copy of θ, reading matrices, random cotangents/tangents,
 * block maps and block diagnoses of a Jacobian.
 * @internal
 */
import { GradcheckError, formatNumber } from '../numeric/errors.js';
import { createRandom } from '../numeric/random.js';
import { type Params, type Tensor, TreeLayout, displayPath } from '../numeric/tree.js';
import { readTree, requireFunction } from '../numeric/validate.js';
import type { CheckSettings } from './report.js';
import type { CheckKind } from './settings/kinds.js';
import { resolveSettings } from './settings/resolve.js';
import type { Settings } from './settings/types.js';

/** A validated layer check: θ's layout and the resolved settings. */
export interface Prepared {
  readonly layout: TreeLayout;
  readonly settings: Settings;
}

/**
 * Validates f and resolves the options of a layer check (the schema refuses fast mode,
 * sampling, bounds and adaptive steps for them).
 *
 * @example
 * const { layout, settings } = prepare(f, { at: [1, 2] }, 'checkJacobian', 'jacobian');
 */
export function prepare(f: unknown, options: unknown, caller: string, check: CheckKind): Prepared {
  requireFunction(f, caller, 'f (the function under test)');
  const settings = resolveSettings(options, check, caller);
  return { layout: settings.layout, settings };
}

/**
 * The seed's global criterion, when set: ‖a − n‖ / ‖a + n‖ must stay under maxRelativeDifference.
 *
 * @example
 * withinGlobal({ ...settings, maxRelativeDifference: 1e-9 }, 1e-7); // false
 */
export function withinGlobal(settings: CheckSettings, relativeDifference: number): boolean {
  return settings.maxRelativeDifference === undefined || relativeDifference < settings.maxRelativeDifference;
}

/** A mutation of θ by a user function: where, from what, to what. */
export interface Mutation {
  readonly path: string;
  readonly before: number;
  readonly after: number;
}

/**
 * Calls a user function (`jac`, `vjp`, `jvp`, `H`) with a private copy of θ and more
 * arguments; rejects Promises and null results and notices when it writes to θ.
 *
 * @example
 * const { value, mutation } = callUser(vjp, layout, 'checkVjp', 'vjp', [yBar]);
 */
export function callUser(
  fn: (...args: never[]) => unknown,
  layout: TreeLayout,
  caller: string,
  name: string,
  rest: readonly unknown[] = [],
): { value: unknown; mutation?: Mutation } {
  const copy = layout.workingCopy();
  const value = (fn as (...args: unknown[]) => unknown)(copy.root(), ...rest);
  const changed = copy.firstDifference(layout.values);
  const mutation =
    changed >= 0
      ? { path: displayPath(layout.pathAt(changed)), before: layout.values[changed], after: copy.get(changed) }
      : undefined;
  if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
    throw new GradcheckError(`${caller}: ${name} returned a Promise; gradcheck needs its result synchronously`);
  }
  if (value === undefined || value === null) throw new GradcheckError(`${caller}: ${name} returned ${String(value)}`);
  return { value, mutation };
}

/**
 * The hint (and failure) for a function that wrote to θ.
 *
 * @example
 * mutationHint('vjp', { path: 'b[1]', before: -0.2, after: 7 }); // 'vjp mutates its input: it changed θ at b[1] from -0.2 to 7. …'
 */
export function mutationHint(name: string, m: Mutation): string {
  return `${name} mutates its input: it changed θ at ${m.path} from ${formatNumber(m.before)} to ${formatNumber(m.after)}. ${name} must not write to θ; copy it first.`;
}

/** Throws naming the first non-finite entry. */
function requireFinite(values: Float64Array, caller: string, what: string, name: (i: number) => string): void {
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
  entryName: (i: number, j: number) => string,
): Float64Array {
  const layout = readTree(value, caller, what);
  const shape =
    layout.tensors.length === 1 ? layout.tensors[0].shape : [layout.tensors.length, ...(layout.tensors[0]?.shape ?? [])];
  const uniformRows =
    layout.tensors.length === 1 || layout.tensors.every((t) => t.size === layout.tensors[0].size && t.shape.length === 1);
  const expected = `${rows}×${cols} (rows = ${rows} outputs, columns = ${cols} inputs)`;
  if (shape.length === 2 && uniformRows) {
    if (shape[0] === rows && shape[1] === cols) {
      requireFinite(layout.values, caller, what, (k) => entryName(Math.floor(k / cols), k % cols));
      return layout.values;
    }
    const transposed =
      shape[0] === cols && shape[1] === rows ? ' — it looks transposed: rows must be the outputs, columns the inputs' : '';
    throw new GradcheckError(`${caller}: ${what} must be ${expected}, but it is ${shape[0]}×${shape[1]}${transposed}`);
  }
  if (layout.size !== rows * cols || (shape.length > 2 && layout.tensors.length === 1)) {
    throw new GradcheckError(
      `${caller}: ${what} must be ${expected}, but it has ${layout.size} entries (shape ${shape.join('×') || 'a number'})`,
    );
  }
  requireFinite(layout.values, caller, what, (k) => entryName(Math.floor(k / cols), k % cols));
  return layout.values;
}

/**
 * Reads a tree that must have the structure of `like` (a gradient-like result), naming the
 * first path that differs and saying so when a matrix came back transposed.
 *
 * @example
 * readLike({ W: [[1, 2]], b: [3] }, TreeLayout.of({ W: [[0, 0]], b: [0] }), 'checkVjp', 'the vjp result'); // Float64Array [1, 2, 3]
 */
export function readLike(value: unknown, like: TreeLayout, caller: string, label: string): Float64Array {
  const problem = like.structureMismatch(value, label);
  if (problem) {
    const m = /has (\d+)×(\d+) entries, .* has (\d+)×(\d+)$/.exec(problem);
    const transposed = m && m[1] === m[4] && m[2] === m[3] ? ' (transposed?)' : '';
    throw new GradcheckError(`${caller}: ${problem}${transposed}`);
  }
  const values = TreeLayout.of(value as Params).values;
  requireFinite(values, caller, label, (i) => displayPath(like.pathAt(i)));
  return values;
}

/** Random or explicit vectors shaped like `like` (cotangents shaped like f's output, tangents like θ). */
export interface Probes {
  /** Flat vectors. */
  readonly flat: readonly Float64Array[];
  /** The same vectors in `like`'s structure, to pass to the user's function. */
  readonly trees: readonly Params[];
  /** Whether they were drawn at random. */
  readonly random: boolean;
}

/**
 * Resolves a `cotangents`/`tangents` option: a count of seeded random vectors with standard
 * normal entries (`fallback` when undefined), one vector shaped like `like`, or an array of them.
 *
 * @example
 * resolveProbes(undefined, outputLayout, 3, 0, 'checkVjp', 'cotangents').flat.length; // 3 seeded normal vectors
 */
export function resolveProbes(
  spec: unknown,
  like: TreeLayout,
  fallback: number,
  seed: number,
  caller: string,
  option: string,
): Probes {
  if (spec === undefined || typeof spec === 'number') {
    const count = spec ?? fallback;
    if (!Number.isInteger(count) || count < 1)
      throw new GradcheckError(
        `${caller}: options.${option} must be a whole number ≥ 1 or explicit vectors, but got ${String(spec)}`,
      );
    const rng = createRandom(seed);
    const flat = Array.from({ length: count }, () => Float64Array.from({ length: like.size }, () => rng.normal()));
    return { flat, trees: flat.map((v) => like.unflatten(v)), random: true };
  }
  const single = like.structureMismatch(spec, `options.${option}`);
  const list =
    single === undefined
      ? [spec]
      : Array.isArray(spec) && spec.length > 0 && spec.every((s) => like.structureMismatch(s, '') === undefined)
        ? spec
        : undefined;
  if (!list)
    throw new GradcheckError(
      `${caller}: options.${option} must be a count, one vector shaped like ${option === 'tangents' ? 'θ' : "f's output"}, or an array of them: ${single}`,
    );
  const flat = list.map((s, k) => {
    const values = TreeLayout.of(s as Params).values;
    requireFinite(values, caller, `options.${option}${list.length > 1 ? `[${k}]` : ''}`, (i) => displayPath(like.pathAt(i)));
    return values;
  });
  return { flat, trees: list as Params[], random: false };
}

/** A block of a Jacobian-shaped matrix: one row tensor against one column tensor. */
export interface Block {
  readonly name: string;
  readonly row: Tensor;
  readonly col: Tensor;
}

/**
 * Every block of a matrix whose rows follow `rows`' tensors and columns `cols`' tensors.
 *
 * @example
 * blocksOf(out.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`); // ∂out/∂x, ∂out/∂W, ∂out/∂b
 */
export function blocksOf(rows: readonly Tensor[], cols: readonly Tensor[], name: (row: Tensor, col: Tensor) => string): Block[] {
  return rows.flatMap((row) => cols.map((col) => ({ name: name(row, col), row, col })));
}

/** Least-squares a ≈ k·n over some entries, with the relative residual. */
function fit(a: ArrayLike<number>, n: ArrayLike<number>, idx: readonly number[]): { k: number; residual: number } {
  let an = 0;
  let nn = 0;
  let aa = 0;
  for (const i of idx) {
    an += a[i] * n[i];
    nn += n[i] * n[i];
    aa += a[i] * a[i];
  }
  if (nn === 0 || aa === 0) return { k: Number.NaN, residual: Number.POSITIVE_INFINITY };
  const k = an / nn;
  let r = 0;
  for (const i of idx) r += (a[i] - k * n[i]) ** 2;
  return { k, residual: Math.sqrt(r / aa) };
}

/** A fit counts as evidence when its relative residual is below this. */
const FIT_RESIDUAL = 1e-3;

/**
 * Diagnoses of a group of entries that holds failures: a wrong sign, a uniform factor, an
 * analytic part that is all zero (a missing term), or a square matrix given transposed.
 * `square` gives (rows, cols, index(r, c)) when the group is a square matrix.
 *
 * @example
 * groupHints('b', 'vector–Jacobian product', [0, 0], [1, 2], [0, 1]); // ['Missing term: …']
 */
export function groupHints(
  name: string,
  what: string,
  a: ArrayLike<number>,
  n: ArrayLike<number>,
  idx: readonly number[],
  square?: { size: number; at: (r: number, c: number) => number },
): string[] {
  if (idx.every((i) => a[i] === 0) && idx.some((i) => n[i] !== 0)) {
    return [
      `Missing term: the analytic ${what} is zero on all of ${name}, but the numerical one is not. Was that term left out?`,
    ];
  }
  const f = fit(a, n, idx);
  if (f.residual < FIT_RESIDUAL && Math.abs(f.k + 1) < 1e-3) {
    return [
      `Sign error: the analytic ${what} is −1 × the numerical one on ${name} (least-squares fit, residual ${formatNumber(f.residual)}).`,
    ];
  }
  if (f.residual < FIT_RESIDUAL && Math.abs(f.k - 1) > 1e-3) {
    return [
      `Uniform factor: the analytic ${what} is ${formatNumber(f.k)} × the numerical one on ${name} (least-squares fit, residual ${formatNumber(f.residual)}).`,
    ];
  }
  if (square && square.size > 1) {
    let diff = 0;
    let norm = 0;
    let asym = 0;
    for (let r = 0; r < square.size; r++) {
      for (let c = 0; c < square.size; c++) {
        const x = a[square.at(r, c)];
        diff += (x - n[square.at(c, r)]) ** 2;
        norm += x * x;
        asym += (n[square.at(r, c)] - n[square.at(c, r)]) ** 2;
      }
    }
    if (norm > 0 && Math.sqrt(diff / norm) < FIT_RESIDUAL && Math.sqrt(asym / norm) > 10 * FIT_RESIDUAL) {
      return [
        `Transposed: the analytic ${what} on ${name} is the transpose of the numerical one (rows and columns swapped, e.g. Wᵀ where W belongs).`,
      ];
    }
  }
  return [];
}

/**
 * The square-matrix accessor of a 2-D tensor of θ-shaped values, when it is square.
 *
 * @example
 * squareOf({ name: 'W', offset: 3, size: 4, shape: [2, 2], dtype: 'float64' })?.at(1, 0); // 5
 */
export function squareOf(tensor: Tensor): { size: number; at: (r: number, c: number) => number } | undefined {
  if (tensor.shape.length !== 2 || tensor.shape[0] !== tensor.shape[1]) return undefined;
  const size = tensor.shape[0];
  return { size, at: (r, c) => tensor.offset + r * size + c };
}

/**
 * Name of a row (output) tensor in a block: `out`, `out[0]`, `out.logits`.
 *
 * @example
 * outputTensorName({ name: 'logits', offset: 0, size: 3, shape: [3], dtype: 'float64' }); // 'out.logits'
 */
export function outputTensorName(tensor: Tensor): string {
  if (tensor.name === '') return 'out';
  return tensor.name.startsWith('[') ? `out${tensor.name}` : `out.${tensor.name}`;
}

/**
 * Name of a column (input) tensor in a block: `θ`, `θ[0]`, `W`.
 *
 * @example
 * inputTensorName({ name: '', offset: 0, size: 3, shape: [3], dtype: 'float64' }); // 'θ'
 */
export function inputTensorName(tensor: Tensor): string {
  if (tensor.name === '') return 'θ';
  return tensor.name.startsWith('[') ? `θ${tensor.name}` : tensor.name;
}
