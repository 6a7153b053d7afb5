/**
 * The slice of jax-js (`@jax-js/jax`) that `gradcheck/jaxjs` uses, typed structurally: gradcheck
 * recognises a jax-js Array by its members, so it neither type-depends on one copy of jax-js nor
 * needs jax-js to be loaded to tell an Array from a plain object.
 */

/** What gradcheck reads from a jax-js Array (`np.Array`). */
export interface JaxArray {
  readonly shape: number[];
  readonly size: number;
  /** `'float32'`, `'float64'`, `'float16'`, `'int32'`, `'uint32'` or `'bool'`. */
  readonly dtype: string;
  /** `'cpu'`, `'wasm'`, `'webgpu'` or `'webgl'`. */
  readonly device: string;
  /** The reference count: 0 once the array has been consumed or disposed. */
  readonly refCount: number;
  /** The same array with its reference count raised by one (jax-js's move semantics). */
  readonly ref: JaxArray;
  dispose(): void;
  /** Reads the entries, row-major, and consumes the array. */
  dataSync(): ArrayLike<number>;
  /** Reads the entries asynchronously, and consumes the array. */
  data(): Promise<ArrayLike<number>>;
  js(): unknown;
  jsAsync(): Promise<unknown>;
}

/** A jax-js tree (`JsTree`) of arrays: an Array, a number, or arrays and plain objects of them. */
export type JaxTree = JaxArray | number | readonly JaxTree[] | { readonly [key: string]: JaxTree };

/** A function of jax-js arrays, e.g. `(x, w) => np.sum(np.square(np.matmul(x, w)))`. */
export type JaxFunction = (...args: any[]) => any;

/** A jax-js pullback (the second entry of `vjp(f, primals)`), to be disposed after use. */
export type JaxPullback = ((cotangents: any) => any) & { dispose(): void };

/** The members of the `@jax-js/jax` module that gradcheck calls. */
export interface JaxModule {
  numpy: { array(values: unknown, options?: { shape?: number[]; dtype?: unknown; device?: string }): JaxArray };
  /** The device new arrays go to: `'wasm'` unless changed. */
  defaultDevice(): string;
  jvp(f: JaxFunction, primals: readonly unknown[], tangents: readonly unknown[]): [any, any];
  vjp(f: JaxFunction, primals: readonly unknown[]): [any, JaxPullback];
}
