import type { Side } from '../domains.js';
import { GradcheckError } from '../errors.js';
import { backward, central, forward, richardson } from './builtins.js';
import type { FiniteDifferenceMethod } from './method.js';

/** The methods that have a name. */
export const METHOD_NAMES = ['central', 'forward', 'backward', 'richardson'] as const;

/** A method by name. */
export type MethodName = (typeof METHOD_NAMES)[number];

/** Where a method is asked for: by name, or as a value from `fdm(…)`. */
export type MethodSpec = MethodName | FiniteDifferenceMethod;

const BY_NAME: Readonly<Record<MethodName, FiniteDifferenceMethod>> = { central, forward, backward, richardson };

/**
 * Whether `x` is a finite-difference method value (from `fdm`, `extrapolated` or a built-in).
 *
 * @example
 * isFiniteDifferenceMethod(fdm([-1, 1])); // true
 * isFiniteDifferenceMethod('central');    // false
 */
export function isFiniteDifferenceMethod(x: unknown): x is FiniteDifferenceMethod {
  if (x === null || typeof x !== 'object') return false;
  const m = x as Partial<FiniteDifferenceMethod>;
  return (
    typeof m.name === 'string' &&
    Array.isArray(m.offsets) &&
    Array.isArray(m.weights) &&
    m.offsets.length === m.weights.length &&
    typeof m.derivative === 'number' &&
    typeof m.order === 'number' &&
    typeof m.defaultStep === 'function' &&
    typeof m.errorModel?.condition === 'number'
  );
}

/**
 * The method value behind a name or a value; undefined means `'central'`.
 *
 * @example
 * resolveMethod('forward').offsets; // [0, 1]
 * resolveMethod(fourthOrder) === fourthOrder; // true
 */
export function resolveMethod(spec: MethodSpec | undefined): FiniteDifferenceMethod {
  if (spec === undefined) return central;
  if (typeof spec === 'string' && spec in BY_NAME) return BY_NAME[spec as MethodName];
  if (isFiniteDifferenceMethod(spec)) return spec;
  throw new GradcheckError(
    `resolveMethod: a method must be one of ${METHOD_NAMES.map((n) => `'${n}'`).join(', ')} or a method from fdm(…), but got ${JSON.stringify(spec)}`,
  );
}

/**
 * The method to use on a coordinate whose stencil a bound forced to `side`: the method itself
 * when it already looks that way, otherwise forward (+1), backward (−1) or central (0).
 *
 * @example
 * methodForSide(central, 1) === forward; // true
 */
export function methodForSide(method: FiniteDifferenceMethod, side: Side): FiniteDifferenceMethod {
  if (side === method.side) return method;
  return side > 0 ? forward : side < 0 ? backward : central;
}
