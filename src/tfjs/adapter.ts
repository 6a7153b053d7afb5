/**
 * TF.js tensors through the tensor adapter interface: the same `is` / `shape` / `read` / `build`
 * that ml-matrix, ndarray and math.js values go through. Tensors are immutable and need the
 * user's `tf` namespace to be made, so the adapter is built per namespace and used by
 * `gradcheck/tfjs` itself rather than registered globally.
 */
import type { TensorAdapter } from '../numeric/adapters/types.js';
import type { TensorLike, TfNamespace } from './types.js';

/** The TF.js adapter, plus building a tensor of any shape (θ's plain leaves become tensors). */
export interface TfTensorAdapter extends TensorAdapter<TensorLike> {
  /** A float32 tensor of `shape` holding `values` (row-major). */
  tensorOf(values: ArrayLike<number>, shape: readonly number[]): TensorLike;
}

/**
 * Whether `value` is a TF.js tensor (structurally: `dataSync` and a `shape` array).
 *
 * @example
 * isTensor(tf.scalar(1)); // true
 * isTensor([1, 2]);       // false
 */
export function isTensor(value: unknown): value is TensorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TensorLike).dataSync === 'function' &&
    Array.isArray((value as TensorLike).shape)
  );
}

/**
 * The tensor adapter for one `tf` namespace. Tensors are float32, TF.js's own precision, so
 * finite differences over them must be taken in float32 too. There is no `locate`: a tensor
 * cannot be written in place.
 *
 * @example
 * const tensors = tensorAdapter(tf);
 * tensors.read(tf.tensor2d([[1, 2], [3, 4]])); // Float64Array [1, 2, 3, 4]
 * tensors.tensorOf([1, 2, 3, 4], [2, 2]);      // a float32 tensor of shape [2, 2]
 */
export function tensorAdapter(tf: TfNamespace): TfTensorAdapter {
  let adapter = ADAPTERS.get(tf);
  if (adapter === undefined) {
    adapter = makeAdapter(tf);
    ADAPTERS.set(tf, adapter);
  }
  return adapter;
}

/** One adapter per namespace: f's every call converts θ, and need not make a new one. */
const ADAPTERS = new WeakMap<TfNamespace, TfTensorAdapter>();

function makeAdapter(tf: TfNamespace): TfTensorAdapter {
  const tensorOf = (values: ArrayLike<number>, shape: readonly number[]) =>
    tf.tensor(Float32Array.from(values), [...shape], 'float32');
  return {
    name: 'TensorFlow.js tensor',
    is: isTensor,
    shape: (t) => [...t.shape],
    read: (t) => Float64Array.from(t.dataSync()),
    build: (values, like) => tensorOf(values, like.shape),
    dtype: () => 'float32',
    tensorOf,
  };
}
