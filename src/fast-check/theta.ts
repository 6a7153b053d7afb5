import { type Arbitrary, array, integer } from 'fast-check';
import { buildTheta } from './_internals/build.js';
import { coordinateSpace } from './_internals/coordinates.js';
import { type ShapeSpec, type Theta32Of, type ThetaOf, parseShape, shapeSize } from './_internals/shape.js';
import { type ThetaOptions, resolveThetaOptions } from './_internals/thetaOptions.js';

/**
 * A fast-check `Arbitrary` of parameter trees θ with the structure of `shape`:
 * `theta(10)` gives a `number[]` of 10 entries, `theta([5, 3])` a 5×3 `number[][]`,
 * `theta({ W1: [5, 3], b1: 5 })` an object of such tensors. With `precision: 'float32'` the
 * last dimension of each tensor is a `Float32Array` (`Float32Array` for a vector,
 * `Float32Array[]` for a matrix) holding float32 values.
 *
 * Every entry is finite and inside [min, max], lies on a grid of 2³⁰ steps per side (2²³ in
 * float32: no denormal or 1e-200 magnitudes that make differences meaningless), and keeps
 * `margin` from each point of `avoid`. Shrinking moves each entry toward the allowed value
 * closest to 0 (zeros and small magnitudes), one entry at a time, never leaving the allowed set,
 * and bisects onto the boundary of a failing region.
 *
 * @example
 * fc.assert(gradientProperty(loss, lossGrad, theta({ W: [2, 3], b: 2 }, { min: -2, max: 2 })));
 *
 * @example
 * test.prop([theta(10, { avoid: [0] })])('relu backprop', (θ) => {
 *   expect(reluLoss).toHaveGradient(reluLossGrad, { at: θ });
 * });
 */
export function theta<const S extends ShapeSpec>(
  shape: S,
  options: ThetaOptions & { precision: 'float32' },
): Arbitrary<Theta32Of<S>>;
export function theta<const S extends ShapeSpec>(
  shape: S,
  options?: ThetaOptions & { precision?: 'float64' },
): Arbitrary<ThetaOf<S>>;
export function theta<const S extends ShapeSpec>(shape: S, options?: ThetaOptions): Arbitrary<ThetaOf<S> | Theta32Of<S>>;
export function theta(shape: ShapeSpec, options?: ThetaOptions): Arbitrary<unknown> {
  const node = parseShape(shape, 'theta');
  const constraints = resolveThetaOptions(options, 'theta');
  const space = coordinateSpace(constraints, 'theta');
  const size = shapeSize(node);
  return array(integer({ min: space.kMin, max: space.kMax }), { minLength: size, maxLength: size }).map((grid) =>
    buildTheta(node, grid.map(space.valueAt), constraints.precision),
  );
}

export type { ThetaOptions } from './_internals/thetaOptions.js';
export type { NestedFloat32, NestedNumbers, ShapeSpec, Theta32Of, ThetaOf } from './_internals/shape.js';
