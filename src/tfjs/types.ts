/**
 * The slice of TensorFlow.js the adapter uses, typed structurally so that gradcheck neither
 * imports nor type-depends on a copy of TF.js: you pass your own `tf` namespace
 * (`@tensorflow/tfjs`, `@tensorflow/tfjs-node`, or `@tensorflow/tfjs-core` with a backend and
 * the gradient registrations), and the tensors it makes are the ones your functions receive.
 */

/** What gradcheck reads from a tensor. */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly size: number;
  readonly dtype: string;
  dataSync(): ArrayLike<number>;
}

/** A function of tensors, e.g. `(x, w) => tf.sum(tf.square(tf.matMul(x, w)))`. */
export type TensorFunction = (...xs: any[]) => TensorLike;

/** The members of the `tf` namespace that the adapter calls. */
export interface TfNamespace {
  tensor(values: any, shape?: any, dtype?: any): TensorLike;
  tidy(fn: () => void): void;
  valueAndGrads(f: (...xs: any[]) => any): (xs: any[], dy?: any) => { value: TensorLike; grads: TensorLike[] };
}
