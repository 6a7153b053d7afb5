import { type DiffOptions, differencePartials, richardsonPartials } from './differences.js';
import { resolveBounds } from './domains.js';
import { ScalarEvaluator } from './evaluate.js';
import { runSync } from './measure/syncDriver.js';
import { resolveMethod } from './methods/resolve.js';
import type { Params } from './tree.js';
import { readDifferenceInputs } from './setup.js';

/**
 * The numerical gradient of a scalar function f at θ, shaped like θ.
 *
 * Central differences by default (the seed's formula): for each coordinate i,
 * (f(θ + hᵢeᵢ) − f(θ − hᵢeᵢ)) / 2hᵢ with hᵢ = step · max(1, |θᵢ|) — exactly 2n calls of f.
 * `'forward'` and `'backward'` take n + 1 calls; `'richardson'` extrapolates a sequence of
 * central differences (up to 8 calls per coordinate) for near machine-precision accuracy; a
 * method value from `fdm(…)` takes one call per non-zero offset and coordinate.
 * θ is never mutated: f receives a private copy in θ's own structure.
 *
 * @example
 * numericGradient(([x, y]) => x * x * y, [3, 2]); // ≈ [12, 9]
 * numericGradient((p) => p.w * p.b, { w: 2, b: 5 }, { method: 'richardson' }); // ≈ { w: 5, b: 2 }
 * numericGradient(([x]) => Math.exp(x), [1], { method: fdm([-2, -1, 1, 2]) }); // ≈ [e], 4 calls
 */
export function numericGradient<P extends Params>(f: (theta: P) => number, at: P, options: DiffOptions = {}): P {
  const caller = 'numericGradient';
  const { layout, precision, step } = readDifferenceInputs(f, at, options, caller);
  const evaluator = new ScalarEvaluator(f as (theta: unknown) => unknown, caller);
  const domain = resolveBounds(options.bounds, layout, caller);
  const method = resolveMethod(options.method);
  if (method.extrapolation) {
    const extra = { domain, adaptive: options.adaptive === true, method };
    return layout.unflatten(runSync(richardsonPartials(evaluator, layout, step, precision, undefined, extra), layout).values);
  }
  const partials = differencePartials(evaluator, layout, { method, step, precision, domain }, caller);
  return layout.unflatten(runSync(partials, layout).values);
}
