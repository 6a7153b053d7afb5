/**
 * @internal The arguments of `checkGrads`, checked, with plain numeric leaves made jax-js Arrays
 * as `np.array` would make them (float32, jax-js's default dtype; float64 from a
 * `Float64Array`), so that `checkGrads(f, [[1, 2, 3]])` reads like JAX's
 * `check_grads(f, (np.array([1., 2., 3.]),), …)`. The arrays made here are the caller's to free.
 */
import { GradcheckError } from '../../../numeric/errors.js';
import { TreeLayout } from '../../../numeric/tree.js';
import type { JaxArray, JaxModule } from '../../types.js';
import { describeArray, floatDtype, isJaxArray, makeArray } from '../arrays.js';

/** The checked arguments, and the arrays made for plain leaves (to dispose after the check). */
export interface GradsArgs {
  readonly args: unknown[];
  readonly made: JaxArray[];
}

/** One tensor of plain numbers (a number, a typed array, nested arrays of numbers), or undefined. */
function plainTensor(value: unknown): TreeLayout | undefined {
  if (typeof value !== 'number' && !ArrayBuffer.isView(value) && !Array.isArray(value)) return undefined;
  try {
    const layout = TreeLayout.of(value as number[]);
    return layout.tensors.length === 1 && layout.tensors[0].name === '' && layout.size > 0 ? layout : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks `args` (a non-empty array of Arrays, plain numeric tensors, or trees of them) and makes
 * jax-js Arrays of the plain leaves on the default device.
 *
 * @example
 * gradsArgs(jax, [np.array([1, 2]), [[0.5, 1]]], 'checkGrads').args; // [the caller's Array, a float32[1, 2] Array]
 */
export function gradsArgs(jax: JaxModule, args: unknown, caller: string): GradsArgs {
  if (!Array.isArray(args) || args.length === 0) {
    throw new GradcheckError(
      `${caller}: args must be a non-empty array of f's arguments (jax-js Arrays or trees of them), e.g. [np.array([1, 2])]`,
    );
  }
  const made: JaxArray[] = [];
  const visit = (node: unknown, path: string): unknown => {
    if (isJaxArray(node)) {
      floatDtype(node);
      if (node.refCount > 0) return node;
      throw new GradcheckError(`${caller}: ${path} is ${describeArray(node)} that was already consumed or disposed (refCount 0)`);
    }
    const plain = plainTensor(node);
    if (plain) {
      const dtype = node instanceof Float64Array ? 'float64' : 'float32';
      const a = makeArray(jax, plain.values, plain.tensors[0].shape, dtype, jax.defaultDevice());
      made.push(a);
      return a;
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, `${path}[${i}]`));
    if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item, `${path}.${key}`)]));
    }
    throw new GradcheckError(
      `${caller}: ${path} is ${node === null ? 'null' : typeof node}; every argument must be a float32 or float64 jax-js Array, numbers, or a tree of them, e.g. np.array([1, 2])`,
    );
  };
  try {
    return { args: args.map((arg, i) => visit(arg, `args[${i}]`)), made };
  } catch (error) {
    for (const a of made) a.dispose();
    throw error;
  }
}
