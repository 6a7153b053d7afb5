/**
 * jax-js Arrays through the tensor adapter interface: with `gradcheck/jaxjs` imported, a jax-js
 * Array may be a leaf of θ (`at`) and of a gradient, in any check. f receives a fresh array per
 * call, with the dtype and device of the caller's, and consumes it as jax-js functions do.
 */
import type { TensorAdapter } from '../numeric/adapters/types.js';
import { floatDtype, isJaxArray, makeArray, readBorrowed, readBorrowedAsync } from './_internals/arrays.js';
import { jaxModule } from './_internals/module.js';
import type { JaxArray } from './types.js';

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
export const jaxAdapter: TensorAdapter<JaxArray> = {
  name: 'jax-js Array',
  is: isJaxArray,
  shape: (a) => [...a.shape],
  dtype: floatDtype,
  // Every read goes through `.ref`: the array is as it was. gradcheck calls `release` on the
  // arrays it owns (what user functions return, the seeds of working copies) once read.
  read: readBorrowed,
  // The async checks read what f, grad, jvp and vjp return with data(), as WebGPU prefers.
  readAsync: readBorrowedAsync,
  /** Frees an array gradcheck is done with (one it owns; never the caller's θ or gradient value). */
  release(a) {
    if (a.refCount > 0) a.dispose();
  },
  build(values, like) {
    return makeArray(jaxModule('gradcheck/jaxjs'), values, like.shape, floatDtype(like), like.device);
  },
};
