/**
 * @internal jax-js arrays one at a time: recognising them, reading them with or without taking
 * ownership (jax-js reads consume an array), and making them in a given dtype and device.
 */
import { GradcheckError } from '../../numeric/errors.js';
import type { Dtype } from '../../numeric/adapters/types.js';
import type { JaxArray, JaxModule } from '../types.js';

/**
 * Whether `value` is a jax-js Array, structurally: its reference count, device and async reads
 * tell it from a TF.js tensor or an ndarray. `.ref` is never touched here (it counts).
 *
 * @example
 * isJaxArray(np.array([1, 2])); // true
 * isJaxArray(tf.tensor([1, 2])); // false
 */
export function isJaxArray(value: unknown): value is JaxArray {
  if (value === null || typeof value !== 'object') return false;
  const a = value as Partial<JaxArray>;
  return (
    Array.isArray(a.shape) &&
    typeof a.dtype === 'string' &&
    typeof a.device === 'string' &&
    typeof a.refCount === 'number' &&
    typeof a.dataSync === 'function' &&
    typeof a.jsAsync === 'function' &&
    typeof a.dispose === 'function'
  );
}

/** `a float32[2, 3] jax-js Array on wasm`, for messages. */
export function describeArray(a: JaxArray): string {
  return `a ${a.dtype}[${a.shape.join(', ')}] jax-js Array on ${a.device}`;
}

/**
 * The precision of an array's entries; a leaf gradcheck cannot differentiate (int32, uint32,
 * bool) or read on Node 20 (float16) is refused, naming the fix.
 *
 * @example
 * floatDtype(np.array([1, 2])); // 'float32'
 */
export function floatDtype(a: JaxArray): Dtype {
  if (a.dtype === 'float32' || a.dtype === 'float64') return a.dtype;
  throw new GradcheckError(
    `gradcheck/jaxjs: θ or a gradient holds ${describeArray(a)}; only float32 and float64 arrays can be differentiated (convert it with .astype(np.float32) or .astype(np.float64))`,
  );
}

function requireLive(a: JaxArray): void {
  if (a.refCount > 0) return;
  throw new GradcheckError(
    `gradcheck/jaxjs: ${describeArray(a)} was already consumed or disposed (refCount 0); pass x.ref where you use an array again after handing it to a function`,
  );
}

/**
 * The entries of an array that stays the caller's: read through `.ref`, so its reference count
 * is what it was.
 *
 * @example
 * readBorrowed(x); // Float64Array; x is still usable
 */
export function readBorrowed(a: JaxArray): Float64Array {
  requireLive(a);
  return Float64Array.from(a.ref.dataSync());
}

/**
 * `readBorrowed` through jax-js's asynchronous read (`data()`): the array is as it was.
 *
 * @example
 * await readBorrowedAsync(x); // Float64Array; x is still usable
 */
export async function readBorrowedAsync(a: JaxArray): Promise<Float64Array> {
  requireLive(a);
  return Float64Array.from(await a.ref.data());
}

/**
 * The entries of an array handed to gradcheck (a result of the user's function): the read
 * consumes it, which frees it.
 *
 * @example
 * readOwned(np.sum(x)); // Float64Array [the sum]; the sum is freed
 */
export function readOwned(a: JaxArray): Float64Array {
  requireLive(a);
  return Float64Array.from(a.dataSync());
}

/**
 * `readOwned` through jax-js's asynchronous read (`data()`), for devices that read best, or
 * only, asynchronously (WebGPU).
 *
 * @example
 * await readOwnedAsync(np.sum(x));
 */
export async function readOwnedAsync(a: JaxArray): Promise<Float64Array> {
  requireLive(a);
  return Float64Array.from(await a.data());
}

/**
 * A new array of `shape`, `dtype` and `device` holding `values` (row-major). jax-js 0.1.25
 * cannot make a float64 array from JavaScript data where `Float16Array` is missing (Node 20:
 * its type test names `Float16Array` before `Float64Array`); for that one synchronous call a
 * stand-in that matches nothing is put in its place and removed again.
 *
 * @example
 * makeArray(jax, Float64Array.of(1, 2, 3, 4), [2, 2], 'float64', 'cpu');
 */
export function makeArray(
  jax: JaxModule,
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: Dtype,
  device: string,
): JaxArray {
  const options = { shape: [...shape], device };
  if (dtype === 'float32') return jax.numpy.array(Float32Array.from(values), options);
  const data = Float64Array.from(values);
  const scope = globalThis as { Float16Array?: unknown };
  if (scope.Float16Array !== undefined) return jax.numpy.array(data, options);
  scope.Float16Array = NO_INSTANCES;
  try {
    return jax.numpy.array(data, options);
  } finally {
    delete scope.Float16Array;
  }
}

/** A class nothing is an instance of: `x instanceof NO_INSTANCES` is false for every x. */
const NO_INSTANCES = Object.defineProperty(function Float16Array() {}, Symbol.hasInstance, { value: () => false });
