/**
 * jax-js Arrays through the tensor adapter interface: with `gradcheck/jaxjs` imported, a jax-js
 * Array may be a leaf of θ (`at`) and of a gradient, in any check. f receives a fresh array per
 * call, with the dtype and device of the caller's, and consumes it as jax-js functions do.
 */
import type { TensorAdapter } from '../numeric/adapters/types.js';
import { floatDtype, isJaxArray, makeArray, readBorrowed, readOwned } from './_internals/arrays.js';
import { jaxModule } from './_internals/module.js';
import type { JaxArray } from './types.js';

/**
 * Arrays this adapter made and still owns. gradcheck reads such an array only when it seeds a
 * working copy from it, and then hands f a new one: so reading one of these is its last use, and
 * the read frees it. Every other array (the caller's θ, a gradient value) is read through
 * `.ref` and left as it was.
 */
const owned = new WeakSet<JaxArray>();

/**
 * The tensor adapter for jax-js Arrays, registered when `gradcheck/jaxjs` is imported. float32
 * arrays make the check float32; float64 arrays keep it float64 (on the wasm device jax-js
 * 0.1.25 computes float64 sin, cos, exp and log in float32, which the check then reports).
 *
 * @example
 * import 'gradcheck/jaxjs';
 * import { flatten } from 'gradcheck';
 * flatten({ w: np.array([[1, 2], [3, 4]]) }).paths; // ['w[0][0]', 'w[0][1]', 'w[1][0]', 'w[1][1]']
 */
export const jaxAdapter: TensorAdapter<JaxArray> & { release(a: JaxArray): void } = {
  name: 'jax-js Array',
  is: isJaxArray,
  shape: (a) => [...a.shape],
  dtype: floatDtype,
  read(a) {
    if (!owned.has(a)) return readBorrowed(a);
    owned.delete(a);
    return readOwned(a);
  },
  /**
   * Frees an array gradcheck is done with. The adapter interface has no such hook yet (the
   * jax-js report to the lead proposes `TensorAdapter.release`); once gradcheck calls it on what
   * user functions return, `checkGradient(f, grad(f), { at })` needs no jaxFunction/jaxGradient.
   */
  release(a) {
    if (a.refCount > 0) a.dispose();
  },
  build(values, like) {
    const a = makeArray(jaxModule('gradcheck/jaxjs'), values, like.shape, floatDtype(like), like.device);
    owned.add(a);
    return a;
  },
};
