/**
 * `gradcheck/jaxjs`: gradient checks for jax-js (`@jax-js/jax`, an optional peer dependency).
 * Importing it registers the jax-js Array adapter, so jax-js Arrays may be leaves of θ and of
 * gradients in every check; `jaxFunction` and `jaxGradient` turn jax-js functions into what the
 * matchers take, and `checkGrads` is JAX's `check_grads`: jax-js's own `jvp` and `vjp` of f, to
 * second order, against finite differences.
 *
 * @example
 * import { grad, numpy as np } from '@jax-js/jax';
 * import { checkGrads, jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
 * const loss = (x: np.Array) => np.sum(np.sin(x));
 * expect(jaxFunction(loss)).toHaveGradient(jaxGradient(grad(loss)), { at: np.array([0.1, 0.2]) });
 * expect(checkGrads(loss, [np.array([0.1, 0.2])], { order: 2 }).pass).toBe(true);
 */
import { registerTensorAdapter } from '../numeric/adapters/registry.js';
import { jaxAdapter } from './adapter.js';

registerTensorAdapter(jaxAdapter);

export { jaxAdapter } from './adapter.js';
export { checkGrads } from './checkGrads.js';
export type { GradsCheck, GradsMode, GradsOptions, GradsReport } from './checkGrads.js';
export { jaxFunction } from './jaxFunction.js';
export type { JaxReadOptions } from './jaxFunction.js';
export { jaxGradient } from './jaxGradient.js';
export { jaxReady } from './_internals/module.js';
export type { JaxArray, JaxFunction, JaxTree } from './types.js';
