import { GradcheckError } from '../numeric/errors.js';
import { type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { readTheta } from '../numeric/validate.js';
import { type TfTensorAdapter, isTensor, tensorAdapter } from './adapter.js';
import type { TensorLike, TfNamespace } from './types.js';

/** What f receives for θ, and how to read tensors back: see `toTensors`. */
export interface TensorArgs {
  readonly layout: TreeLayout;
  readonly args: TensorLike[];
  readonly tensors: TfTensorAdapter;
}

/**
 * The tensors f receives for θ: one per leaf of θ, in θ's flat order (a bare array or number
 * is one tensor; `{ W, b }` gives f(W, b)). Each keeps its leaf's shape and is float32, TF.js's
 * own precision, so the finite differences must be taken in float32 too.
 *
 * @example
 * toTensors(tf, { W: [[1, 2]], b: [0] }, 'tensorFunction').args; // [tensor [1, 2] of shape [1, 2], tensor [0] of shape [1]]
 */
export function toTensors(tf: TfNamespace, theta: Params, caller: string): TensorArgs {
  const layout = readTheta(theta, caller, 'θ');
  const tensors = tensorAdapter(tf);
  const args = layout.tensors.map((t) => tensors.tensorOf(layout.values.subarray(t.offset, t.offset + t.size), t.shape));
  return { layout, args, tensors };
}

/**
 * The one number a scalar-valued f returned; `what` names f in the error.
 *
 * @example
 * scalarOf(tf.sum(x), 'tensorFunction', 'f'); // the sum, as a number
 */
export function scalarOf(value: unknown, caller: string, what: string): number {
  if (typeof value === 'number') return value;
  if (!isTensor(value))
    throw new GradcheckError(`${caller}: ${what} must return a scalar tensor, but returned ${describe(value)}`);
  if (value.size !== 1) {
    throw new GradcheckError(
      `${caller}: ${what} must return a scalar tensor (the loss), but returned shape [${value.shape.join(', ')}]`,
    );
  }
  return value.dataSync()[0];
}

/**
 * Reads gradient tensors (one per argument of f, as `tf.grads` returns them) back into a tree
 * shaped like θ, through the tensor adapter. `what` names the gradient function in errors.
 *
 * @example
 * fromTensors(toTensors(tf, θ, caller), tf.grads(f)(args), 'autodiffGradient', 'tf.grads(f)'); // { W: [[…]], b: […] }
 */
export function fromTensors({ layout, tensors }: TensorArgs, grads: unknown, caller: string, what: string): Params {
  const list = tensors.is(grads) ? [grads] : grads;
  if (!Array.isArray(list) || list.length !== layout.tensors.length) {
    const count = layout.tensors.length;
    throw new GradcheckError(
      `${caller}: ${what} must return ${count === 1 ? 'one tensor' : `an array of ${count} tensors (one per argument)`}, but returned ${describe(grads)}`,
    );
  }
  const values = new Float64Array(layout.size);
  layout.tensors.forEach((t, i) => {
    const g = list[i] as unknown;
    const name = layout.tensors.length === 1 ? 'the gradient' : `the gradient of argument ${i} (${displayPath(t.name)})`;
    if (!tensors.is(g)) throw new GradcheckError(`${caller}: ${what}: ${name} is ${describe(g)}, not a tensor`);
    const shape = tensors.shape(g);
    if (!sameShape(shape, t.shape)) {
      throw new GradcheckError(
        `${caller}: ${what}: ${name} has shape [${shape.join(', ')}], but θ's has shape [${t.shape.join(', ')}]`,
      );
    }
    values.set(tensors.read(g), t.offset);
  });
  return layout.unflatten(values);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  // A scalar θ and a [1] tensor, or [n] and [n, 1] mix-ups, are real bugs: compare exactly.
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isTensor(value)) return `a tensor of shape [${value.shape.join(', ')}]`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
