/**
 * @internal Trees of jax-js arrays (what f, grad, jvp and vjp return) read into gradcheck's
 * plain trees, taking ownership: every array read is freed, and on an error the rest are
 * disposed, so a check leaves nothing behind.
 */
import { GradcheckError } from '../../numeric/errors.js';
import type { Params } from '../../numeric/tree.js';
import type { JaxArray } from '../types.js';
import { isJaxArray, readOwned, readOwnedAsync } from './arrays.js';

/** A read leaf: a number for a 0-d array, a Float64Array for a vector, nested arrays above. */
export function plainLeaf(values: Float64Array, shape: readonly number[]): Params {
  if (shape.length === 0) return values[0];
  if (shape.length === 1) return values;
  const nest = (offset: number, depth: number): Params => {
    const [n, ...rest] = shape.slice(depth);
    const size = rest.reduce((p, d) => p * d, 1);
    if (rest.length === 0) return Array.from(values.subarray(offset, offset + n));
    return Array.from({ length: n }, (_, i) => nest(offset + i * size, depth + 1)) as Params;
  };
  return nest(0, 0);
}

/**
 * Whether `value` is an array or a tracer standing for one inside `jvp`, `vjp` or `jit` (which
 * has a shape, a dtype and `dispose`, but no device or reads).
 */
function isArrayOrTracer(value: unknown): value is JaxArray {
  if (value === null || typeof value !== 'object') return false;
  const a = value as Partial<JaxArray>;
  return Array.isArray(a.shape) && typeof a.dtype === 'string' && typeof a.dispose === 'function';
}

/** Every jax-js Array (or tracer) in a tree, in order; throws naming the first leaf that is not one. */
function leavesOf(value: unknown, path: string, out: JaxArray[], fail: (path: string, what: string) => never): void {
  if (typeof value === 'number') return;
  if (isArrayOrTracer(value)) {
    out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => leavesOf(item, `${path}[${i}]`, out, fail));
    return;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) leavesOf(item, path === '' ? key : `${path}.${key}`, out, fail);
    return;
  }
  fail(path, value === null ? 'null' : value === undefined ? 'undefined' : typeof value);
}

/**
 * Disposes every live jax-js Array (or tracer) of a tree: a result that will not be read.
 *
 * @example
 * disposeTree(jvp(f, primals, tangents)[0]); // the primal output is not needed
 */
export function disposeTree(value: unknown): void {
  const arrays: JaxArray[] = [];
  try {
    leavesOf(value, '', arrays, () => {
      throw new Error('not a tree');
    });
  } catch {
    // Dispose what was found; the caller reports the bad leaf.
  }
  for (const a of arrays) if (typeof a.refCount !== 'number' || a.refCount > 0) a.dispose();
}

function checked(value: unknown, caller: string, what: string): JaxArray[] {
  const arrays: JaxArray[] = [];
  leavesOf(value, '', arrays, (path, found) => {
    disposeTree(value);
    const where = path === '' ? '' : ` at ${path}`;
    throw new GradcheckError(
      `${caller}: ${what} returned ${found}${where}; it must return a jax-js Array, a number, or an array or object of them`,
    );
  });
  return arrays;
}

function concrete(a: JaxArray, caller: string, what: string): JaxArray {
  if (isJaxArray(a)) return a;
  throw new GradcheckError(
    `${caller}: ${what} returned a tracer, not an array: call it outside jit, jvp and vjp (a traced value cannot be read)`,
  );
}

function rebuild(value: unknown, read: Map<JaxArray, Params>): Params {
  if (typeof value === 'number') return value;
  if (isArrayOrTracer(value)) return read.get(value) as Params;
  if (Array.isArray(value)) return value.map((item) => rebuild(item, read)) as Params;
  const out: Record<string, Params> = {};
  for (const [key, item] of Object.entries(value as object)) out[key] = rebuild(item, read);
  return out as Params;
}

/**
 * A tree of jax-js arrays as a plain tree (numbers, Float64Arrays, nested arrays), every array
 * read and freed. `what` names the function that returned it.
 *
 * @example
 * readTree({ W: np.ones([2, 2]), b: np.zeros([2]) }, 'checkGrads', 'f'); // { W: [[1, 1], [1, 1]], b: Float64Array [0, 0] }
 */
export function readTree(value: unknown, caller: string, what: string): Params {
  const arrays = checked(value, caller, what);
  const read = new Map<JaxArray, Params>();
  try {
    for (const a of arrays) read.set(a, plainLeaf(readOwned(concrete(a, caller, what)), a.shape));
  } finally {
    disposeTree(value);
  }
  return rebuild(value, read);
}

/**
 * `readTree` through asynchronous reads (`data()`), for WebGPU and for async functions.
 *
 * @example
 * await readTreeAsync(np.sum(x), 'jaxFunction', 'f'); // the sum, as a number
 */
export async function readTreeAsync(value: unknown, caller: string, what: string): Promise<Params> {
  const arrays = checked(value, caller, what);
  const read = new Map<JaxArray, Params>();
  try {
    for (const a of arrays) read.set(a, plainLeaf(await readOwnedAsync(concrete(a, caller, what)), a.shape));
  } finally {
    disposeTree(value);
  }
  return rebuild(value, read);
}
