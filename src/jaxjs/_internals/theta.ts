/**
 * @internal θ as f receives it from `jaxFunction` and `jaxGradient`: jax-js Arrays stay as they
 * are (the adapter made them, fresh for this call); a plain leaf (a number, a typed array, a
 * nested array) becomes a jax-js Array on the default device, float32 from a `Float32Array` and
 * float64 otherwise, so that f computes in the precision the check runs at.
 */
import { TreeLayout } from '../../numeric/tree.js';
import type { JaxModule } from '../types.js';
import { isJaxArray, makeArray } from './arrays.js';

interface PlainLeaf {
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'float64';
}

/**
 * The shape and dtype of `value` when it is one tensor of a parameter tree: a number, a typed
 * array, or nested arrays of same-shaped ones (rows stored as `Float32Array`s make a float32
 * matrix); undefined for a list or object of several tensors.
 */
function plainLeaf(value: unknown): PlainLeaf | undefined {
  if (typeof value === 'number') return { shape: [], dtype: 'float64' };
  if (value instanceof Float32Array) return { shape: [value.length], dtype: 'float32' };
  if (value instanceof Float64Array) return { shape: [value.length], dtype: 'float64' };
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items = value.map(plainLeaf);
  const first = items[0];
  if (first === undefined) return undefined;
  const same = (leaf: PlainLeaf | undefined) =>
    leaf !== undefined && leaf.shape.length === first.shape.length && leaf.shape.every((d, i) => d === first.shape[i]);
  if (!items.every(same)) return undefined;
  const dtype = items.every((leaf) => leaf?.dtype === 'float32') ? 'float32' : 'float64';
  return { shape: [value.length, ...first.shape], dtype };
}

/**
 * θ with every plain leaf made a jax-js Array (the default device's, which is `'wasm'` unless
 * `defaultDevice` changed it).
 *
 * @example
 * jaxTheta(jax, { w: Float32Array.of(1, 2), b: 0 }); // { w: a float32[2] Array, b: a float64[] Array }
 * jaxTheta(jax, [Float32Array.of(1, 2), Float32Array.of(3, 4)]); // a float32[2, 2] Array
 */
export function jaxTheta(jax: JaxModule, theta: unknown): unknown {
  if (isJaxArray(theta)) return theta;
  const leaf = plainLeaf(theta);
  if (leaf) return makeArray(jax, TreeLayout.of(theta as number[]).values, leaf.shape, leaf.dtype, jax.defaultDevice());
  if (Array.isArray(theta)) return theta.map((item) => jaxTheta(jax, item));
  if (theta !== null && typeof theta === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(theta)) out[key] = jaxTheta(jax, item);
    return out;
  }
  return theta;
}
