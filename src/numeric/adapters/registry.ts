/**
 * Which tensor types gradcheck knows: the built-in adapters (ml-matrix, ndarray, math.js) and
 * the ones you register.
 */
import { GradcheckError } from '../errors.js';
import { mathjsAdapter } from './mathjs.js';
import { mlMatrixAdapter } from './mlMatrix.js';
import { ndarrayAdapter } from './ndarray.js';
import type { TensorAdapter } from './types.js';

const BUILT_IN: readonly TensorAdapter[] = [mlMatrixAdapter, ndarrayAdapter, mathjsAdapter];

/** Registered adapters, most recent first: they are asked before the built-in ones. */
let registered: TensorAdapter[] = [];
/** Whether a registered adapter frees values (`release`): else nothing returned needs a walk. */
let releasing = false;
/** Whether a registered adapter reads asynchronously (`readAsync`). */
let readingAsync = false;

function noteHooks(): void {
  releasing = registered.some((a) => a.release !== undefined);
  readingAsync = registered.some((a) => a.readAsync !== undefined);
}

const REQUIRED = ['is', 'shape', 'read', 'build'] as const;

function validate(adapter: TensorAdapter): void {
  if (adapter === null || typeof adapter !== 'object') {
    throw new GradcheckError('registerTensorAdapter: adapter must be an object with name, is, shape, read and build');
  }
  if (typeof adapter.name !== 'string' || adapter.name === '') {
    throw new GradcheckError('registerTensorAdapter: adapter.name must be a non-empty string (it names the type in messages)');
  }
  for (const key of REQUIRED) {
    if (typeof adapter[key] !== 'function') {
      throw new GradcheckError(`registerTensorAdapter: adapter.${key} must be a function (adapter "${adapter.name}")`);
    }
  }
  for (const key of ['dtype', 'locate', 'release', 'readAsync'] as const) {
    if (adapter[key] !== undefined && typeof adapter[key] !== 'function') {
      throw new GradcheckError(`registerTensorAdapter: adapter.${key} must be a function when given (adapter "${adapter.name}")`);
    }
  }
}

/**
 * Teaches gradcheck a tensor type: values the adapter recognises may be leaves of θ and of
 * gradients, anywhere in a tree, and f receives θ's leaves in that type. Adapters registered
 * later are asked first, so one may override a built-in adapter. Returns a function that
 * unregisters it (for a test's `afterAll`).
 *
 * @example
 * import { registerTensorAdapter, type TensorAdapter } from 'gradcheck';
 * const unregister = registerTensorAdapter(gridAdapter); // see TensorAdapter's example
 * checkGradient(f, grad, { at: { W: new Grid(2, 3, cells), b: [0, 0] } });
 * unregister();
 */
export function registerTensorAdapter<T>(adapter: TensorAdapter<T>): () => void {
  const added = adapter as TensorAdapter;
  validate(added);
  registered = [added, ...registered.filter((a) => a !== added)];
  noteHooks();
  return () => {
    registered = registered.filter((a) => a !== added);
    noteHooks();
  };
}

/**
 * The adapter for `value`, or undefined when no adapter knows it (numbers, arrays, typed
 * arrays and plain objects are trees, not adapted tensors).
 *
 * @example
 * adapterFor(new Matrix(2, 2))?.name; // 'ml-matrix Matrix'
 * adapterFor({ W: [1] });            // undefined
 */
export function adapterFor(value: unknown): TensorAdapter | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const adapter of registered) if (adapter.is(value)) return adapter;
  for (const adapter of BUILT_IN) if (adapter.is(value)) return adapter;
  return undefined;
}

/**
 * Whether any registered adapter has `release`: when none has, what user functions return
 * holds nothing to free, and gradcheck does not walk it.
 *
 * @example
 * anyReleases(); // true once gradcheck/jaxjs is imported
 */
export function anyReleases(): boolean {
  return releasing;
}

/**
 * Whether any registered adapter has `readAsync`: when none has, an async check reads what
 * user functions return synchronously, without a walk.
 *
 * @example
 * anyReadsAsync(); // true once gradcheck/jaxjs is imported
 */
export function anyReadsAsync(): boolean {
  return readingAsync;
}
