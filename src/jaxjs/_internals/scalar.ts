/** @internal The one number a scalar-valued jax-js function returned, read and freed. */
import { GradcheckError } from '../../numeric/errors.js';
import { describeArray, isJaxArray, readOwned, readOwnedAsync } from './arrays.js';
import { disposeTree } from './trees.js';

function notScalar(value: unknown, caller: string, what: string): GradcheckError {
  const found = isJaxArray(value) ? describeArray(value) : value === null ? 'null' : typeof value;
  disposeTree(value);
  return new GradcheckError(
    `${caller}: ${what} must return a scalar (a jax-js Array of one entry, such as np.sum(…), or a number), but returned ${found}`,
  );
}

/**
 * The loss f returned, as a number; a jax-js Array is read (synchronously) and freed.
 *
 * @example
 * scalarOf(np.sum(x), 'jaxFunction', 'f'); // the sum
 */
export function scalarOf(value: unknown, caller: string, what: string): number {
  if (typeof value === 'number') return value;
  if (!isJaxArray(value) || value.size !== 1) throw notScalar(value, caller, what);
  return readOwned(value)[0];
}

/**
 * `scalarOf` through jax-js's asynchronous read.
 *
 * @example
 * await scalarOfAsync(np.sum(x), 'jaxFunction', 'f');
 */
export async function scalarOfAsync(value: unknown, caller: string, what: string): Promise<number> {
  if (typeof value === 'number') return value;
  if (!isJaxArray(value) || value.size !== 1) throw notScalar(value, caller, what);
  return (await readOwnedAsync(value))[0];
}
