/**
 * `gradcheck/fast-check`: property-based gradient tests. `theta(shape, options?)` generates
 * parameter trees θ; `gradientProperty(f, grad, arbitrary, checkOptions?)` is the property that
 * the gradient is right at every one of them. fast-check is an optional peer dependency: only
 * this entry point imports it.
 */
import { provideRuntime } from '../check/timeAndProgress/runtime.js';
import { nodeRuntime } from '../runtime/index.js';

// The checks read the running test's timeout and the watched terminal through this runtime.
provideRuntime(nodeRuntime);
export { theta } from './theta.js';
export type { NestedFloat32, NestedNumbers, ShapeSpec, Theta32Of, ThetaOf, ThetaOptions } from './theta.js';
export { gradientProperty } from './gradientProperty.js';
export type { GradientProperty, PropertyCheckOptions } from './gradientProperty.js';
export { GradientPropertyError } from './_internals/GradientPropertyError.js';
