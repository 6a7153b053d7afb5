/**
 * Parameter trees ("θ"): the structures a user's loss takes, and their flat view.
 *
 * Flat order (documented in the README): object keys in insertion order, arrays row-major,
 * depth first. Numeric arrays whose rows share one shape form one tensor (a matrix `W1`);
 * anything else (objects, arrays of objects, ragged arrays) is a container of tensors. A value a
 * tensor adapter recognises (ml-matrix, ndarray, math.js, registered types) is one tensor too.
 */
import { adapterFor } from './adapters/registry.js';
import { readTensor } from './adapters/release.js';
import type { Dtype, TensorAdapter } from './adapters/types.js';

export type { Dtype } from './adapters/types.js';

/** A nested array of numbers: a vector `number[]`, a matrix `number[][]`, or deeper. */
export type NestedArray = readonly (number | NestedArray)[];

/**
 * Anything gradcheck can perturb: a number, an array of numbers, a `Float64Array` or
 * `Float32Array`, a nested array (matrix), a tensor an adapter knows (ml-matrix `Matrix`,
 * ndarray, math.js `DenseMatrix`, `registerTensorAdapter`), or a plain object (or array) whose
 * values are any of these. Objects are typed loosely (`object`) so that your own interfaces, which have no
 * index signature, are accepted; their contents are checked at run time, with the path of
 * anything that is not a parameter in the error.
 */
export type Params = number | Float64Array | Float32Array | NestedArray | readonly Params[] | ParamsObject;

/** A plain object of parameters, such as `{ W1: number[][]; b1: Float64Array }`. */
export type ParamsObject = object;

/** One leaf tensor of a tree: a number, a typed array, a rectangular numeric array or an adapted tensor. */
export interface Tensor {
  /** Path prefix of the tensor (`W1`, `layer.bias`, `[0].W`); `''` for θ itself. */
  readonly name: string;
  /** Offset of its first entry in the flat vector. */
  readonly offset: number;
  /** Number of entries. */
  readonly size: number;
  /** Shape: `[]` for a number, `[n]` for a vector, `[rows, cols]` for a matrix, … */
  readonly shape: readonly number[];
  readonly dtype: Dtype;
}

/** Structure of a tree, without its values. */
type Node =
  | { readonly kind: 'number' }
  | { readonly kind: 'typed'; readonly dtype: Dtype; readonly length: number }
  | { readonly kind: 'numeric'; readonly shape: readonly number[] }
  | AdaptedNode
  | { readonly kind: 'list'; readonly items: readonly Node[] }
  | { readonly kind: 'object'; readonly keys: readonly string[]; readonly values: readonly Node[] };

/** A tensor of a type an adapter knows; `like` is the value read, the template for new ones. */
interface AdaptedNode {
  readonly kind: 'adapted';
  readonly adapter: TensorAdapter;
  readonly shape: readonly number[];
  readonly dtype: Dtype;
  readonly like: unknown;
}

/** A node that is one tensor (not a container). */
type Leaf = Exclude<Node, { kind: 'list' | 'object' }>;

/** Thrown for a value that is not a parameter tree; the message names the path. */
export class TreeError extends Error {
  constructor(
    message: string,
    /** Path of the offending entry, `''` for the root. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'TreeError';
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Appends an object key to a path: `W1`, `layer.bias`, `["my key"]`. */
export function joinKey(prefix: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${prefix}[${JSON.stringify(key)}]`;
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Shows a path to a person: the root is called `θ`. */
export function displayPath(path: string): string {
  return path === '' ? 'θ' : path;
}

/**
 * Shows a path into f's output to a person: the root is called `out`.
 *
 * @example
 * displayOutputPath('[1][0]'); // 'out[1][0]'   displayOutputPath('logits'); // 'out.logits'
 */
export function displayOutputPath(path: string): string {
  if (path === '' || path === 'θ') return 'out';
  return path.startsWith('[') ? `out${path}` : `out.${path}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Shape of a numeric nested array, or `null` when it is ragged or holds non-numbers. */
function numericShape(value: readonly unknown[]): number[] | null {
  if (value.length === 0) return [0];
  if (value.every((v) => typeof v === 'number')) return [value.length];
  if (!value.every((v) => Array.isArray(v))) return null;
  const first = numericShape(value[0] as unknown[]);
  if (first === null) return null;
  for (let i = 1; i < value.length; i++) {
    const s = numericShape(value[i] as unknown[]);
    if (s === null || s.length !== first.length || s.some((d, k) => d !== first[k])) return null;
  }
  return [value.length, ...first];
}

/** Reads the structure of `value`, throwing a `TreeError` that names the path of bad input. */
function describe(value: unknown, path: string, seen: Set<object>): Node {
  if (typeof value === 'number') return { kind: 'number' };
  if (value instanceof Float64Array) return { kind: 'typed', dtype: 'float64', length: value.length };
  if (value instanceof Float32Array) return { kind: 'typed', dtype: 'float32', length: value.length };
  if (Array.isArray(value)) {
    const shape = numericShape(value);
    if (shape !== null) return { kind: 'numeric', shape };
    if (seen.has(value)) throw new TreeError(`${displayPath(path)} contains itself`, path);
    seen.add(value);
    const items = value.map((item, i) => describe(item, `${path}[${i}]`, seen));
    seen.delete(value);
    return { kind: 'list', items };
  }
  const adapter = adapterFor(value);
  if (adapter) return adaptedNode(adapter, value, path);
  if (isPlainObject(value)) {
    if (seen.has(value)) throw new TreeError(`${displayPath(path)} contains itself`, path);
    seen.add(value);
    const keys = Object.keys(value);
    const values = keys.map((key) => describe(value[key], joinKey(path, key), seen));
    seen.delete(value);
    return { kind: 'object', keys, values };
  }
  throw new TreeError(
    `${displayPath(path)} is ${describeValue(value)}; expected a number, an array of numbers, a Float64Array, a Float32Array, a nested array, a tensor (ml-matrix, ndarray, math.js or a registered adapter's) or a plain object of these`,
    path,
  );
}

/** Reads an adapted tensor's structure, checking the shape the adapter reports. */
function adaptedNode(adapter: TensorAdapter, value: unknown, path: string): AdaptedNode {
  const shape = [...adapter.shape(value)];
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new TreeError(
      `${displayPath(path)} is ${describeValue(value)} whose shape [${shape.join(', ')}] is not a list of sizes`,
      path,
    );
  }
  return { kind: 'adapted', adapter, shape, dtype: adapter.dtype?.(value) ?? 'float64', like: value };
}

/** An adapted tensor's entries, checked to be one per entry of its shape. */
function readAdapted(node: AdaptedNode, value: unknown, path: string): Float64Array {
  const values = readTensor(node.adapter, value);
  const size = product(node.shape);
  if (values.length !== size) {
    throw new TreeError(
      `${displayPath(path)}: the ${node.adapter.name} adapter read ${values.length} entries from a tensor of shape [${node.shape.join(', ')}]`,
      path,
    );
  }
  return values;
}

/** Visits every tensor of a described tree in flat order. */
function forEachTensor(
  value: unknown,
  node: Node,
  path: string,
  visit: (value: unknown, node: Leaf, path: string) => void,
): void {
  if (node.kind === 'list') {
    const list = value as readonly unknown[];
    node.items.forEach((item, i) => forEachTensor(list[i], item, `${path}[${i}]`, visit));
  } else if (node.kind === 'object') {
    const obj = value as Record<string, unknown>;
    node.keys.forEach((key, i) => forEachTensor(obj[key], node.values[i], joinKey(path, key), visit));
  } else {
    visit(value, node, path);
  }
}

function product(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

function shapeOf(node: Leaf): number[] {
  if (node.kind === 'number') return [];
  if (node.kind === 'typed') return [node.length];
  return [...node.shape];
}

/** Writes the numbers of a nested numeric array into `out` row-major. */
function copyNested(value: unknown, out: Float64Array, offset: number): number {
  if (typeof value === 'number') {
    out[offset] = value;
    return offset + 1;
  }
  for (const item of value as readonly unknown[]) offset = copyNested(item, out, offset);
  return offset;
}

/** A copy of `values[offset … offset + size)` as a `Float64Array` (what adapters build from). */
function sliceOf(values: ArrayLike<number>, offset: number, size: number): Float64Array {
  if (values instanceof Float64Array) return values.slice(offset, offset + size);
  const out = new Float64Array(size);
  for (let k = 0; k < size; k++) out[k] = values[offset + k];
  return out;
}

/** Builds a nested `number[]` of `shape` from `values` starting at `offset`. */
function buildNested(shape: readonly number[], values: ArrayLike<number>, offset: number): unknown[] {
  const [first, ...rest] = shape;
  // Grown by push, never `new Array(n)` then filled: V8 keeps the array PACKED (of doubles), as
  // the caller's own literal is, so f runs as fast on the copy as on the caller's θ.
  const out: unknown[] = [];
  if (rest.length === 0) {
    for (let i = 0; i < first; i++) out.push(values[offset + i]);
    return out;
  }
  const stride = product(rest);
  for (let i = 0; i < first; i++) out.push(buildNested(rest, values, offset + i * stride));
  return out;
}

/** The flat view of a parameter tree: its values, entry paths and a way back to its structure. */
export interface FlatParams<P extends Params = Params> {
  /** The entries in flat order (a copy; changing it changes nothing else). */
  readonly values: Float64Array;
  /** Number of entries. */
  readonly size: number;
  /** The leaf tensors in flat order. */
  readonly tensors: readonly Tensor[];
  /** `float32` when every tensor is stored in float32 (`Float32Array`, float32 ndarray), `mixed` when some are. */
  readonly dtype: Dtype | 'mixed';
  /** Path of every entry (`[3]`, `W1[2][0]`, `b1[4]`, `θ`), built on first use. */
  readonly paths: readonly string[];
  /** Path of entry `index`, without building every path. */
  pathAt(index: number): string;
  /** A new tree with θ's structure (and typed-array types) holding `values`. */
  unflatten(values: ArrayLike<number>): P;
}

/** Where entry `i` lives in a working copy: `container[key]`. */
interface Slots {
  readonly containers: unknown[];
  readonly keys: (number | string)[];
  /** Adapted tensors without `locate`, rebuilt from their scratch entries on `root()`. */
  readonly rebuilds: Rebuild[];
}

/** An adapted tensor held as scratch entries, and where the rebuilt value goes. */
interface Rebuild {
  readonly node: AdaptedNode;
  readonly scratch: Float64Array | Float32Array;
  readonly place: Place;
}

/**
 * Internal: the structure of a tree plus what the numeric core needs to perturb it fast.
 * @internal
 */
export class TreeLayout<P extends Params = Params> implements FlatParams<P> {
  readonly values: Float64Array;
  readonly size: number;
  readonly tensors: readonly Tensor[];
  readonly dtype: Dtype | 'mixed';
  private pathCache: string[] | undefined;

  private constructor(
    private readonly node: Node,
    values: Float64Array,
    tensors: Tensor[],
  ) {
    this.values = values;
    this.size = values.length;
    this.tensors = tensors;
    const f32 = tensors.filter((t) => t.dtype === 'float32').length;
    this.dtype = f32 === 0 ? 'float64' : f32 === tensors.length ? 'float32' : 'mixed';
  }

  /** Reads a tree; throws `TreeError` naming the path of anything that is not a parameter. */
  static of<P extends Params>(tree: P): TreeLayout<P> {
    const node = describe(tree, '', new Set());
    const tensors: Tensor[] = [];
    let size = 0;
    forEachTensor(tree, node, '', (_, leaf, path) => {
      const shape = shapeOf(leaf);
      const n = product(shape);
      const dtype = leaf.kind === 'typed' || leaf.kind === 'adapted' ? leaf.dtype : 'float64';
      tensors.push({ name: path, offset: size, size: n, shape, dtype });
      size += n;
    });
    const values = new Float64Array(size);
    let t = 0;
    forEachTensor(tree, node, '', (value, leaf, path) => {
      const offset = tensors[t++].offset;
      if (leaf.kind === 'number') values[offset] = value as number;
      else if (leaf.kind === 'typed') values.set(value as Float64Array | Float32Array, offset);
      else if (leaf.kind === 'adapted') values.set(readAdapted(leaf, value, path), offset);
      else copyNested(value, values, offset);
    });
    return new TreeLayout<P>(node, values, tensors);
  }

  get paths(): readonly string[] {
    if (this.pathCache === undefined) {
      const paths = new Array<string>(this.size);
      for (const tensor of this.tensors) {
        for (let k = 0; k < tensor.size; k++) paths[tensor.offset + k] = tensorEntryPath(tensor, k);
      }
      this.pathCache = paths;
    }
    return this.pathCache;
  }

  /** The tensor holding flat entry `index`. */
  tensorAt(index: number): Tensor {
    let lo = 0;
    let hi = this.tensors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tensors[mid].offset <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.tensors[lo];
  }

  /**
   * Whether entry `index` is stored in float32 (a `Float32Array`, a float32 tensor): what a
   * working copy stores there is rounded to float32.
   */
  storesFloat32(index: number): boolean {
    if (this.dtype === 'float64') return false;
    if (this.dtype === 'float32') return true;
    return this.tensorAt(index).dtype === 'float32';
  }

  pathAt(index: number): string {
    if (this.pathCache !== undefined) return this.pathCache[index];
    const tensor = this.tensorAt(index);
    return tensorEntryPath(tensor, index - tensor.offset);
  }

  unflatten(values: ArrayLike<number>): P {
    if (values.length !== this.size) {
      throw new TreeError(`unflatten: expected ${this.size} values, got ${values.length}`, '');
    }
    let t = 0;
    const build = (node: Node): unknown => {
      if (node.kind === 'list') return node.items.map(build);
      if (node.kind === 'object') {
        const out: Record<string, unknown> = {};
        node.keys.forEach((key, i) => {
          out[key] = build(node.values[i]);
        });
        return out;
      }
      const tensor = this.tensors[t++];
      if (node.kind === 'number') return values[tensor.offset];
      if (node.kind === 'typed') {
        const out = node.dtype === 'float32' ? new Float32Array(tensor.size) : new Float64Array(tensor.size);
        for (let k = 0; k < tensor.size; k++) out[k] = values[tensor.offset + k];
        return out;
      }
      if (node.kind === 'adapted') return node.adapter.build(sliceOf(values, tensor.offset, tensor.size), node.like);
      return buildNested(node.shape, values, tensor.offset);
    };
    return build(this.node) as P;
  }

  /**
   * A fresh deep copy of the tree holding `values`, with a slot per entry so that entry `i`
   * can be overwritten in place. For a bare-number tree there is no container: use `root()`.
   */
  workingCopy(values: ArrayLike<number> = this.values): WorkingCopy<P> {
    const root = this.unflatten(values);
    const containers = new Array<unknown>(this.size);
    const keys = new Array<number | string>(this.size);
    const slots: Slots = { containers, keys, rebuilds: [] };
    collectSlots(root, this.node, slots, { next: 0 }, undefined);
    return new WorkingCopy<P>(root, slots, this.node.kind === 'number');
  }

  /**
   * Compares another tree's structure with this one; returns a sentence naming the first path
   * that differs (`gradient is missing b2`, `W1 has 5×3 entries, gradient W1 has 3×5`), or
   * `undefined` when they match. `label` names the other tree (`gradient`).
   */
  structureMismatch(other: unknown, label: string): string | undefined {
    let otherNode: Node;
    try {
      otherNode = describe(other, '', new Set());
    } catch (error) {
      if (error instanceof TreeError) {
        return `${label}${error.path === '' ? '' : ` ${error.path}`}${error.message.slice(displayPath(error.path).length)}`;
      }
      throw error;
    }
    return compareNodes(this.node, otherNode, '', label);
  }
}

/** Where a value sits in its parent (`parent[key]`); undefined for θ itself. */
type Place = { readonly container: object; readonly key: number | string } | undefined;

function collectSlots(value: unknown, node: Node, slots: Slots, cursor: { next: number }, place: Place): void {
  switch (node.kind) {
    case 'number':
      // A bare-number θ has no container: WorkingCopy keeps it as a scalar.
      if (place) addSlot(slots, cursor, place.container, place.key);
      else cursor.next++;
      return;
    case 'typed':
    case 'numeric':
      collectNested(value, slots, cursor);
      return;
    case 'adapted':
      collectAdapted(value, node, slots, cursor, place);
      return;
    case 'list': {
      const list = value as unknown[];
      node.items.forEach((item, i) => collectSlots(list[i], item, slots, cursor, { container: list, key: i }));
      return;
    }
    case 'object': {
      const obj = value as Record<string, unknown>;
      node.keys.forEach((key, i) => collectSlots(obj[key], node.values[i], slots, cursor, { container: obj, key }));
    }
  }
}

function addSlot(slots: Slots, cursor: { next: number }, container: object, key: number | string): void {
  slots.containers[cursor.next] = container;
  slots.keys[cursor.next] = key;
  cursor.next++;
}

/** Slots of a typed array or a (nested) numeric array: its innermost arrays, row-major. */
function collectNested(value: unknown, slots: Slots, cursor: { next: number }): void {
  const a = value as unknown[];
  if (a.length > 0 && Array.isArray(a[0])) {
    for (const row of a) collectNested(row, slots, cursor);
    return;
  }
  for (let k = 0; k < a.length; k++) addSlot(slots, cursor, a, k);
}

/**
 * Slots of an adapted tensor: its own storage when the adapter can locate entries (writes then
 * reach the object f sees, at no cost per call); otherwise a scratch array from which the
 * tensor is rebuilt, and put back in its place, before each call of f.
 */
function collectAdapted(value: unknown, node: AdaptedNode, slots: Slots, cursor: { next: number }, place: Place): void {
  const size = product(node.shape);
  const { adapter } = node;
  if (adapter.locate) {
    for (let k = 0; k < size; k++) {
      const [container, key] = adapter.locate(value, k);
      addSlot(slots, cursor, container, key);
    }
    return;
  }
  // Float32 scratch storage rounds what the probe stores, as the tensor's own storage would.
  const scratch = node.dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
  scratch.set(adapter.read(value));
  // root() builds a new value before each call of f: this one, built for the copy, is never used.
  adapter.release?.(value);
  for (let k = 0; k < size; k++) addSlot(slots, cursor, scratch, k);
  slots.rebuilds.push({ node, scratch, place });
}

/** Path of entry `k` (row-major) of a tensor: `W1[2][0]`, `[3]`, `θ`. */
function tensorEntryPath(tensor: Tensor, k: number): string {
  if (tensor.shape.length === 0) return displayPath(tensor.name);
  let suffix = '';
  let rest = k;
  for (let d = tensor.shape.length - 1; d >= 0; d--) {
    const dim = tensor.shape[d];
    suffix = `[${rest % dim}]${suffix}`;
    rest = Math.floor(rest / dim);
  }
  return tensor.name + suffix;
}

/** `5×3`, `4`, `a number`: the size of a node for mismatch messages. */
function sizeText(node: Node): string {
  switch (node.kind) {
    case 'number':
      return 'a number';
    case 'typed':
      return `${node.length} entries (${node.dtype === 'float32' ? 'Float32Array' : 'Float64Array'})`;
    case 'numeric':
      return `${node.shape.join('×')} entries`;
    case 'adapted':
      return `a ${node.shape.length === 0 ? 'scalar' : node.shape.join('×')} ${node.adapter.name}`;
    case 'list':
      return `a list of ${node.items.length}`;
    case 'object':
      return `an object with keys ${node.keys.join(', ') || '(none)'}`;
  }
}

/**
 * The dense shape of a node, when it has one: a typed array, a numeric nested array, or a list
 * of same-shaped tensors (matrix rows stored as `Float32Array`s compare equal to `number[][]`).
 */
function tensorShape(node: Node): readonly number[] | undefined {
  if (node.kind === 'typed') return [node.length];
  if (node.kind === 'numeric' || node.kind === 'adapted') return node.shape;
  if (node.kind !== 'list' || node.items.length === 0) return undefined;
  const first = tensorShape(node.items[0]);
  if (!first) return undefined;
  for (const item of node.items) {
    const shape = tensorShape(item);
    if (!shape || shape.length !== first.length || shape.some((d, i) => d !== first[i])) return undefined;
  }
  return [node.items.length, ...first];
}

function isScalarLeaf(node: Node): boolean {
  return node.kind === 'number' || (node.kind === 'adapted' && node.shape.length === 0);
}

/**
 * ` (transposed?)` when a matrix came back with its dimensions swapped and a tensor type is
 * involved. (Between plain nested arrays the layer checks add the hint themselves.)
 */
function transposedHint(a: readonly number[], b: readonly number[]): string {
  return a.length === 2 && b.length === 2 && a[0] === b[1] && a[1] === b[0] ? ' (transposed?)' : '';
}

function compareNodes(expected: Node, actual: Node, path: string, label: string): string | undefined {
  const here = path === '' ? '' : ` ${path}`;
  const expectedShape = tensorShape(expected);
  const actualShape = tensorShape(actual);
  if (expectedShape && actualShape) {
    if (expectedShape.length === actualShape.length && expectedShape.every((d, i) => d === actualShape[i])) return undefined;
    const hint = transposedHint(expectedShape, actualShape);
    return `${displayPath(path)} has ${expectedShape.join('×')} entries, ${label}${here} has ${actualShape.join('×')}${hint}`;
  }
  if (expected.kind === 'number' && actual.kind === 'number') return undefined;
  // A 0-d adapted tensor (a scalar ndarray) holds one number, as a number leaf does.
  if (isScalarLeaf(expected) && isScalarLeaf(actual)) return undefined;
  if (expected.kind === 'object' && actual.kind === 'object') {
    for (const key of expected.keys) {
      if (!actual.keys.includes(key)) return `${label} is missing ${joinKey(path, key)}`;
    }
    for (const key of actual.keys) {
      if (!expected.keys.includes(key)) return `${label} has ${joinKey(path, key)}, which θ does not have`;
    }
    for (let i = 0; i < expected.keys.length; i++) {
      const key = expected.keys[i];
      const problem = compareNodes(expected.values[i], actual.values[actual.keys.indexOf(key)], joinKey(path, key), label);
      if (problem) return problem;
    }
    return undefined;
  }
  if (expected.kind === 'list' && actual.kind === 'list') {
    if (expected.items.length !== actual.items.length) {
      return `${displayPath(path)} has ${expected.items.length} items, ${label}${here} has ${actual.items.length}`;
    }
    for (let i = 0; i < expected.items.length; i++) {
      const problem = compareNodes(expected.items[i], actual.items[i], `${path}[${i}]`, label);
      if (problem) return problem;
    }
    return undefined;
  }
  return `${displayPath(path)} is ${sizeText(expected)}, ${label}${here} is ${sizeText(actual)}`;
}

/**
 * A private deep copy of θ that the numeric core perturbs in place, one entry at a time.
 * @internal
 */
export class WorkingCopy<P extends Params = Params> {
  private scalar = 0;

  constructor(
    private tree: P,
    private readonly slots: Slots,
    private readonly isScalar: boolean,
  ) {
    if (isScalar) this.scalar = tree as number;
  }

  /** The tree to hand to f: the copy itself (or the current number for a bare-number θ). */
  root(): P {
    if (this.isScalar) return this.scalar as P;
    for (const { node, scratch, place } of this.slots.rebuilds) {
      const value = node.adapter.build(Float64Array.from(scratch), node.like);
      if (place) (place.container as Record<number | string, unknown>)[place.key] = value;
      else this.tree = value as P;
    }
    return this.tree;
  }

  /** Stores `value` in entry `i` and returns what was actually stored (rounded for float32). */
  set(i: number, value: number): number {
    if (this.isScalar) {
      this.scalar = value;
      return value;
    }
    const container = this.slots.containers[i] as Record<number | string, number>;
    const key = this.slots.keys[i];
    container[key] = value;
    return container[key];
  }

  /** Reads entry `i` as it is now. */
  get(i: number): number {
    if (this.isScalar) return this.scalar;
    return (this.slots.containers[i] as Record<number | string, number>)[this.slots.keys[i]];
  }

  /** First entry that differs from `values` (NaN-aware), or -1. */
  firstDifference(values: ArrayLike<number>): number {
    for (let i = 0; i < values.length; i++) {
      const v = this.get(i);
      if (v !== values[i] && !(Number.isNaN(v) && Number.isNaN(values[i]))) return i;
    }
    return -1;
  }
}

/**
 * Flattens a parameter tree into a `Float64Array` in a fixed order (object keys in insertion
 * order, arrays row-major) with the path of every entry.
 *
 * @example
 * const flat = flatten({ W: [[1, 2], [3, 4]], b: [5] });
 * flat.values;            // Float64Array [1, 2, 3, 4, 5]
 * flat.paths;             // ['W[0][0]', 'W[0][1]', 'W[1][0]', 'W[1][1]', 'b[0]']
 * flat.unflatten([0, 0, 0, 0, 1]); // { W: [[0, 0], [0, 0]], b: [1] }
 */
export function flatten<P extends Params>(tree: P): FlatParams<P> {
  return TreeLayout.of(tree);
}

function isFlatVector(value: unknown): value is ArrayLike<number> {
  return (
    value instanceof Float64Array ||
    value instanceof Float32Array ||
    (Array.isArray(value) && value.every((v) => typeof v === 'number'))
  );
}

/**
 * Rebuilds a tree with the structure of `like` from flat `values` (the inverse of `flatten`).
 * The arguments may also be given the other way round, `unflatten(values, like)`, when that is
 * unambiguous.
 *
 * @example
 * unflatten({ W: [[0, 0]], b: 0 }, [1, 2, 3]); // { W: [[1, 2]], b: 3 }
 */
export function unflatten<P extends Params>(like: P, values: ArrayLike<number>): P {
  if (isFlatVector(like) && !isFlatVector(values)) {
    return TreeLayout.of(values as unknown as P).unflatten(like);
  }
  return TreeLayout.of(like).unflatten(values);
}
