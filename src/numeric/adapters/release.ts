/**
 * Reading and freeing tensor values that user functions return (see `TensorAdapter.release`):
 * f's loss or outputs, grad's gradient, what jac, vjp, jvp and H return. gradcheck owns such a
 * value once it has it, reads it, and then lets its adapter free it.
 */
import { isThenable, refuseThenable } from '../errors.js';
import { adapterFor, anyReadsAsync, anyReleases } from './registry.js';
import type { TensorAdapter } from './types.js';

/**
 * Frees every adapted leaf of a value a user function returned, once it has been read: the
 * adapter's `release`, when it has one, on each tensor found in arrays and plain objects.
 *
 * @example
 * const values = TreeLayout.of(result).values;
 * releaseTree(result); // a jax-js gradient's arrays are disposed
 */
export function releaseTree(value: unknown): void {
  if (anyReleases()) releaseLeaves(value, 0);
}

/** Deeper than any parameter tree: a refused value with cycles is not walked forever. */
const MAX_DEPTH = 64;

function releaseLeaves(value: unknown, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) releaseLeaves(item, depth + 1);
    return;
  }
  if (ArrayBuffer.isView(value)) return;
  const adapter = adapterFor(value);
  if (adapter) {
    adapter.release?.(value);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return;
  for (const item of Object.values(value)) releaseLeaves(item, depth + 1);
}

/**
 * The number a one-entry adapted tensor holds (a scalar loss returned as a tensor, such as
 * jax-js's `np.sum(x)`), read and freed; undefined for anything else, which is left alone.
 *
 * @example
 * adaptedScalar(np.sum(np.array([1, 2]))); // 3, and the sum is disposed
 * adaptedScalar([3]);                      // undefined
 */
export function adaptedScalar(value: unknown): number | undefined {
  const adapter = adapterFor(value);
  if (adapter === undefined || entries(adapter.shape(value)) !== 1) return undefined;
  const number = readTensor(adapter, value)[0];
  adapter.release?.(value);
  return number;
}

function entries(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Objects a user function returned through a driver's call and not yet read (see `releaseReturned`). */
const returned = new WeakSet<object>();

/**
 * Notes that a user function (grad, jac, vjp, jvp, H) returned `value`, so that reading it may
 * free it: the same reader also reads values the caller passed (a Jacobian given as a matrix),
 * which stay the caller's.
 *
 * @example
 * const value = markReturned(jac(copy.root()));
 */
export function markReturned<T>(value: T): T {
  if (value !== null && typeof value === 'object') returned.add(value);
  return value;
}

/**
 * Frees a value once read, when a user function returned it (`markReturned`); a value the
 * caller passed is left alone.
 *
 * @example
 * const values = TreeLayout.of(raw).values;
 * releaseReturned(raw);
 */
export function releaseReturned(value: unknown): void {
  if (value === null || typeof value !== 'object' || !returned.delete(value)) return;
  releaseTree(value);
}

/**
 * `refuseThenable` for a value gradcheck owns: a Promise a synchronous check refuses (the
 * matchers then replay the check asynchronously) has its eventual value freed when it settles.
 *
 * @example
 * refuseReleasing(f(theta), 'checkGradient', 'f'); // throws AsyncFunctionError for an async f
 */
export function refuseReleasing(value: unknown, caller: string, who: string): void {
  if (isThenable(value)) value.then(releaseTree, () => {});
  refuseThenable(value, caller, who);
}

/** Entries read ahead asynchronously (`readAhead`), taken by the first synchronous read. */
const readEarlier = new WeakMap<object, Float64Array>();

/**
 * Reads ahead, with their adapters' `readAsync`, the tensors of a value a user function returned
 * to an async check: the check's synchronous read (`readTensor`) then takes these entries.
 *
 * @example
 * const value = await f(theta);
 * await readAhead(value); // a jax-js loss read with data()
 */
export async function readAhead(value: unknown): Promise<void> {
  if (!anyReadsAsync()) return;
  const reads: Promise<void>[] = [];
  collectReads(value, reads, 0);
  await Promise.all(reads);
}

function collectReads(value: unknown, reads: Promise<void>[], depth: number): void {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectReads(item, reads, depth + 1);
    return;
  }
  const adapter = adapterFor(value);
  if (adapter?.readAsync) {
    reads.push(adapter.readAsync(value).then((entries) => void readEarlier.set(value, entries)));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (adapter !== undefined || (proto !== Object.prototype && proto !== null)) return;
  for (const item of Object.values(value)) collectReads(item, reads, depth + 1);
}

/**
 * A tensor's entries: those read ahead (taken, so a second read asks the adapter), or the
 * adapter's synchronous `read`.
 *
 * @example
 * readTensor(adapter, leaf); // Float64Array, row-major
 */
export function readTensor(adapter: TensorAdapter, value: unknown): Float64Array {
  const early = readEarlier.get(value as object);
  if (early === undefined) return adapter.read(value);
  readEarlier.delete(value as object);
  return early;
}
