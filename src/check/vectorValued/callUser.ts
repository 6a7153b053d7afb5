import { refuseReleasing } from '../../numeric/adapters/release.js';
import { GradcheckError } from '../../numeric/errors.js';
import { type Measurement, callUser as call } from '../../numeric/measure/protocol.js';
import type { TreeLayout } from '../../numeric/tree.js';
import { type Mutation, mutationOf } from '../guards/mutation.js';

/**
 * Calls a user function (`jac`, `vjp`, `jvp`, `H`) with a private copy of θ and more
 * arguments, through the driver (an async driver awaits it); refuses Promises in a synchronous
 * check (`AsyncFunctionError`, naming the async form) and null results, and notices when it
 * writes to θ.
 *
 * @example
 * const { value, mutation } = yield* callUser(vjp, layout, 'checkVjp', 'vjp', [yBar]);
 */
export function* callUser(
  fn: (...args: never[]) => unknown,
  layout: TreeLayout,
  caller: string,
  name: string,
  rest: readonly unknown[] = [],
): Measurement<{ value: unknown; mutation?: Mutation }> {
  const copy = layout.workingCopy();
  const value = yield* call(fn, [copy.root(), ...rest]);
  const mutation = mutationOf(layout, copy);
  refuseReleasing(value, caller, name);
  if (value === undefined || value === null) throw new GradcheckError(`${caller}: ${name} returned ${String(value)}`);
  return { value, mutation };
}
