import type { Measurement } from '../../numeric/measure/protocol.js';
import { callUser } from '../../numeric/measure/protocol.js';
import type { TreeLayout } from '../../numeric/tree.js';
import { type AnalyticGradient, analyticGradient, returnedGradient } from '../analytic.js';
import { mutationOf } from '../guards/mutation.js';

/**
 * `analyticGradient` through the driver: grad (a function) is called on a private copy of θ
 * by the driver (awaited by an async one), then read and checked as `analyticGradient` does.
 *
 * @example
 * const analytic = yield* analyticGradientOf(grad, settings.layout, settings.caller);
 */
export function* analyticGradientOf(
  grad: unknown,
  layout: TreeLayout,
  caller: string,
  label?: string,
): Measurement<AnalyticGradient> {
  if (typeof grad !== 'function') return analyticGradient(grad, layout, caller, label);
  const copy = layout.workingCopy();
  const value = yield* callUser(grad as (theta: unknown) => unknown, [copy.root()]);
  const mutation = mutationOf(layout, copy);
  // The value read as grad's own: the same checks and messages (a Promise refused, null, shape).
  const read = returnedGradient(value, layout, caller, label);
  return mutation ? { ...read, mutation } : read;
}
