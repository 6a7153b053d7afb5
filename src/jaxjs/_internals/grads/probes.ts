/**
 * @internal The fixed directions of the second-order checks: one tangent u (JVP of JVP) and one
 * cotangent c (VJP of VJP), seeded standard normal entries, made afresh for every call because
 * jax-js's `jvp` and a pullback consume what they are given.
 */
import { createRandom } from '../../../numeric/random.js';
import type { JaxArray, JaxModule } from '../../types.js';
import { makeArray } from '../arrays.js';

/** The shape and dtype of an array, or of a tracer standing for one inside jvp and vjp. */
interface Aval {
  readonly shape: readonly number[];
  readonly dtype: string;
}

/** A tree with the structure of `like` whose arrays hold seeded standard normal entries. */
export function randomLike(jax: JaxModule, like: unknown, seed: number, device: string): unknown {
  const rng = createRandom(seed);
  const make = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(make);
    if (typeof node === 'number') return rng.normal();
    const { shape, dtype } = node as Aval;
    if (shape !== undefined && typeof dtype === 'string') {
      const size = shape.reduce((p, d) => p * d, 1);
      const values = Float64Array.from({ length: size }, () => rng.normal());
      return makeArray(jax, values, shape, dtype === 'float64' ? 'float64' : 'float32', device);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node as object)) out[key] = make(item);
    return out;
  };
  return make(like);
}

/** The device of the first array of a tree (the device the check's arrays live on). */
export function deviceOf(tree: unknown): string {
  if (Array.isArray(tree)) {
    for (const item of tree) {
      const device = deviceOf(item);
      if (device !== '') return device;
    }
    return '';
  }
  if (tree !== null && typeof tree === 'object') {
    if (typeof (tree as JaxArray).device === 'string') return (tree as JaxArray).device;
    for (const item of Object.values(tree)) {
      const device = deviceOf(item);
      if (device !== '') return device;
    }
  }
  return '';
}
